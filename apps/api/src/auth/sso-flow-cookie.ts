import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { SsoFlow } from './sso-client.js';

/**
 * The state, nonce and PKCE verifier between `/api/auth/sso/start` and the callback, in a
 * short-lived cookie sealed with AES-256-GCM (a key derived from STOWAGE_SESSION_SECRET, or
 * random per process). SameSite=Lax, not Strict like the session: the callback is a top-level
 * navigation coming from the provider's site, and a Strict cookie would not come with it.
 */
export const SSO_FLOW_COOKIE = 'stowage_sso_flow';
export const SSO_FLOW_PATH = '/api/auth/sso';
/** Ten minutes to sign in at the provider. */
export const SSO_FLOW_MS = 10 * 60_000;

export class SsoFlowSealer {
  private readonly key: Buffer;

  constructor(secret: string | undefined) {
    this.key = secret
      ? Buffer.from(hkdfSync('sha256', secret, 'stowage', 'sso flow cookie v1', 32))
      : randomBytes(32);
  }

  seal(flow: SsoFlow, now = Date.now()): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([
      cipher.update(JSON.stringify({ ...flow, until: now + SSO_FLOW_MS }), 'utf8'),
      cipher.final(),
    ]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  /** The flow, or undefined when the cookie is missing, altered or older than ten minutes. */
  open(value: string | undefined, now = Date.now()): SsoFlow | undefined {
    if (!value) return undefined;
    try {
      const raw = Buffer.from(value, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
      const flow = JSON.parse(text.toString('utf8')) as SsoFlow & { until: number };
      if (typeof flow.until !== 'number' || now > flow.until) return undefined;
      const { until: _until, ...rest } = flow;
      return rest;
    } catch {
      return undefined;
    }
  }
}
