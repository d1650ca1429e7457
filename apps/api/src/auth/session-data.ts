import { randomBytes } from 'node:crypto';
import type { SessionConfig } from '../config/access.js';

/**
 * What the encrypted session cookie holds. The keys are there only for a key sign-in: the
 * cookie is encrypted and signed (secure-session), httpOnly, and never read by the browser.
 */
export interface SessionData {
  /** Random id of this sign-in: sign-out revokes it (session-revocations.ts). */
  sid: string;
  profile: string;
  via: 'keys' | 'password' | 'sso';
  accessKeyId?: string;
  secretAccessKey?: string;
  /** An SSO sign-in (auth/sso-client.ts): the person, and what the provider said. */
  sso?: SsoSessionData;
  createdAt: number;
  lastSeen: number;
}

/**
 * Small on purpose (it rides in every request's cookie): no access or refresh token, only the ID
 * token for RP-initiated logout's `id_token_hint`.
 */
export interface SsoSessionData {
  /** The ID token's `sub`. */
  subject: string;
  name?: string | undefined;
  email?: string | undefined;
  /** The groups claim's values that match a role (config/sso.ts): the profiles they grant. */
  roles: string[];
  /** Epoch ms: the ID token's expiry, which ends the session. */
  until: number;
  idToken?: string | undefined;
}

export type SessionState = 'valid' | 'idle' | 'expired';

export function sessionState(s: SessionData, now: number, cfg: SessionConfig): SessionState {
  if (now - s.createdAt >= cfg.maxMs) return 'expired';
  if (s.via === 'sso' && !(typeof s.sso?.until === 'number' && now < s.sso.until)) return 'expired';
  if (now - s.lastSeen >= cfg.idleMs) return 'idle';
  return 'valid';
}

/** lastSeen is rewritten (a new cookie) at most this often, not on every request. */
export const touchInterval = (cfg: SessionConfig) => Math.min(60_000, cfg.idleMs / 10);

export const isSessionData = (v: unknown): v is SessionData =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as SessionData).sid === 'string' &&
  typeof (v as SessionData).profile === 'string' &&
  typeof (v as SessionData).createdAt === 'number' &&
  typeof (v as SessionData).lastSeen === 'number';

/** A new session's id: 128 random bits. */
export const newSessionId = () => randomBytes(16).toString('base64url');

/**
 * Whose session it is, for "sign out everywhere": the access key on a profile, or everyone
 * who signs in with a profile's dashboard password (they share one identity), or the person
 * behind an SSO sign-in (every profile their roles grant).
 */
export const sessionSubject = (
  s: Pick<SessionData, 'profile' | 'via' | 'accessKeyId'> & { sso?: { subject: string } },
) =>
  s.via === 'keys'
    ? `${s.profile}\0key\0${s.accessKeyId ?? ''}`
    : s.via === 'sso'
      ? `sso\0${s.sso?.subject ?? ''}`
      : `${s.profile}\0password`;
