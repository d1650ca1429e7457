import { createHmac, timingSafeEqual } from 'node:crypto';
import type { LinkClaims } from './link-token.js';

/**
 * The cookie a password link's recipient gets for the right password: one per link (its name
 * holds the link id), its value an HMAC over the id and the expiry with the link key, so only
 * this server (or one with the same secret) can make it, and it is worth nothing for another
 * link. It lasts until the link expires; rotating the secret voids it with the link.
 */
export const unlockCookieName = (id: string) => `stowage_link_${id}`;

/** Where the cookie is sent: the public link routes only. */
export const UNLOCK_COOKIE_PATH = '/s/';

const CONTEXT = 'stowage link unlock v1.';

export const unlockCookieValue = (key: Buffer, claims: LinkClaims) =>
  createHmac('sha256', key)
    .update(`${CONTEXT}${claims.id}.${claims.expiresAt}`)
    .digest('base64url');

/** True when the request carries this link's cookie, made by this key. */
export function isUnlocked(
  key: Buffer,
  claims: LinkClaims,
  cookies: Record<string, string | undefined>,
): boolean {
  const given = cookies[unlockCookieName(claims.id)];
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(unlockCookieValue(key, claims));
  return a.length === b.length && timingSafeEqual(a, b);
}
