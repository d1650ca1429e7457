import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { LinkKind } from '@stowage/shared';

/**
 * Relay and upload link tokens: `<payload>.<mac>`, both base64url. The payload names the link
 * (id, kind, profile, bucket, key or folder, expiry, and the limits it was made with); the mac is
 * HMAC-SHA256 over it with a key derived from the link secret (STOWAGE_LINK_SECRET, else the
 * session secret). No store credentials are in it. Changing the secret makes every token fail.
 */

/** What a token says, signed: the record in the store must agree (links/link-records.ts). */
export interface LinkClaims {
  /** Link id (the record's name). */
  id: string;
  kind: LinkKind;
  profile: string;
  bucket: string;
  /** The object (download) or the folder, "" or "…/" (upload). */
  key: string;
  /** Epoch seconds after which the link is refused (410). */
  expiresAt: number;
  /** Download: the name the recipient's file gets. */
  downloadName?: string | undefined;
  /** Download: a password is needed (its hash is in the record). */
  password?: boolean | undefined;
  /** Upload: largest file, in bytes. */
  maxBytes?: number | undefined;
  /** Upload: all files together, in bytes. */
  maxTotalBytes?: number | undefined;
  /** Upload: a file may replace an object of the same name. */
  overwrite?: boolean | undefined;
}

/** The claims as compact JSON (short names, fixed order, absent fields left out). */
interface Wire {
  v: 1;
  i: string;
  k: 'd' | 'u';
  p: string;
  b: string;
  o: string;
  e: number;
  n?: string;
  w?: 1;
  m?: number;
  t?: number;
  x?: 1;
}

const MAC_CONTEXT = 'stowage link token v1.';

/** The signing key: derived from the secret, or random for this process when there is none. */
export function linkKeyFrom(secret: string | undefined): Buffer {
  return secret
    ? Buffer.from(hkdfSync('sha256', secret, 'stowage', 'share link key v1', 32))
    : randomBytes(32);
}

/**
 * The link key's public name (64 bits of an HMAC with it): a record keeps the one it was made
 * under, so a record of an older key is refused too once the secret changes (rotation revokes
 * the links, not only the URLs handed out).
 */
export const linkKeyId = (key: Buffer) =>
  createHmac('sha256', key)
    .update('stowage link key id v1')
    .digest()
    .subarray(0, 8)
    .toString('base64url');

/** A new link id: 128 random bits, base64url (22 characters). */
export const newLinkId = () => randomBytes(16).toString('base64url');

const mac = (key: Buffer, payload: string) =>
  createHmac('sha256', key).update(MAC_CONTEXT).update(payload).digest();

function toWire(c: LinkClaims): Wire {
  const w: Wire = {
    v: 1,
    i: c.id,
    k: c.kind === 'download' ? 'd' : 'u',
    p: c.profile,
    b: c.bucket,
    o: c.key,
    e: c.expiresAt,
  };
  if (c.downloadName !== undefined) w.n = c.downloadName;
  if (c.password) w.w = 1;
  if (c.maxBytes !== undefined) w.m = c.maxBytes;
  if (c.maxTotalBytes !== undefined) w.t = c.maxTotalBytes;
  if (c.overwrite) w.x = 1;
  return w;
}

function fromWire(w: unknown): LinkClaims | undefined {
  if (typeof w !== 'object' || w === null) return undefined;
  const x = w as Partial<Wire>;
  if (
    x.v !== 1 ||
    typeof x.i !== 'string' ||
    (x.k !== 'd' && x.k !== 'u') ||
    typeof x.p !== 'string' ||
    typeof x.b !== 'string' ||
    typeof x.o !== 'string' ||
    typeof x.e !== 'number'
  ) {
    return undefined;
  }
  return {
    id: x.i,
    kind: x.k === 'd' ? 'download' : 'upload',
    profile: x.p,
    bucket: x.b,
    key: x.o,
    expiresAt: x.e,
    downloadName: typeof x.n === 'string' ? x.n : undefined,
    password: x.w === 1,
    maxBytes: typeof x.m === 'number' ? x.m : undefined,
    maxTotalBytes: typeof x.t === 'number' ? x.t : undefined,
    overwrite: x.x === 1,
  };
}

/** The token for these claims (the same claims always give the same token). */
export function signLinkToken(key: Buffer, claims: LinkClaims): string {
  const payload = Buffer.from(JSON.stringify(toWire(claims))).toString('base64url');
  return `${payload}.${mac(key, payload).toString('base64url')}`;
}

export type LinkTokenCheck =
  | { ok: true; claims: LinkClaims }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'expired'; claims: LinkClaims };

/**
 * The token's claims if its mac is ours (constant-time compare) and it has not expired.
 * `invalid` covers altered, foreign and malformed tokens alike: the answer gives no detail.
 */
export function verifyLinkToken(key: Buffer, token: string, nowMs = Date.now()): LinkTokenCheck {
  const dot = token.indexOf('.');
  if (dot <= 0 || token.indexOf('.', dot + 1) !== -1) return { ok: false, reason: 'invalid' };
  const payload = token.slice(0, dot);
  const givenText = token.slice(dot + 1);
  const given = Buffer.from(givenText, 'base64url');
  const expected = mac(key, payload);
  // Canonical base64url only: the mac's last character has 2 unused bits, and a token that
  // differs there is another token, refused like any other change.
  if (
    given.length !== expected.length ||
    given.toString('base64url') !== givenText ||
    !timingSafeEqual(given, expected)
  ) {
    return { ok: false, reason: 'invalid' };
  }
  let claims: LinkClaims | undefined;
  try {
    claims = fromWire(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
  } catch {
    claims = undefined;
  }
  if (!claims) return { ok: false, reason: 'invalid' };
  if (nowMs >= claims.expiresAt * 1000) return { ok: false, reason: 'expired', claims };
  return { ok: true, claims };
}
