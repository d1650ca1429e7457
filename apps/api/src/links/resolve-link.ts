import type { FastifyInstance } from 'fastify';
import type { LinkKind } from '@stowage/shared';
import { HttpError } from '../errors.js';
import type { Profile } from '../config/profiles.js';
import type { ObjectStore } from '../store/object-store.js';
import { getLinkRecord, recordPlace, type LinkRecord } from './link-records.js';
import { linkKeyId, verifyLinkToken, type LinkClaims } from './link-token.js';

/** A public link that may be used now: its signed claims, its record, and the store to act on. */
export interface ResolvedLink {
  claims: LinkClaims;
  record: LinkRecord;
  profile: Profile;
  /** The profile's store with its link keys (no session lends its own on a public link). */
  store: ObjectStore;
}

/** Unknown, altered, revoked, or of another kind: one answer, no detail (on purpose). */
export const linkNotFound = () => new HttpError('LinkNotFound', 'This link does not exist');
export const linkExpired = (claims: LinkClaims) =>
  new HttpError(
    'LinkExpired',
    `This link expired on ${new Date(claims.expiresAt * 1000).toISOString()}`,
  );

/** A token that verified: what it claims, and the store its profile serves links with. */
export interface CheckedToken {
  claims: LinkClaims;
  profile: Profile;
  store: ObjectStore;
}

/**
 * The first half of resolveLink, with no store request: the token's mac (404), its expiry (410),
 * its kind (404), its profile still serving links (404). Only a token this server signed gets
 * past it, so a route may start the object's own read beside checkRecord (public-links.ts).
 */
export function checkToken(app: FastifyInstance, token: string, kind: LinkKind): CheckedToken {
  const check = verifyLinkToken(app.linkKey, token);
  if (!check.ok) throw check.reason === 'expired' ? linkExpired(check.claims) : linkNotFound();
  const { claims } = check;
  if (claims.kind !== kind) throw linkNotFound();
  const profile = app.profileByName(claims.profile);
  const keys = profile?.links.keys;
  if (!profile || !keys) throw linkNotFound();
  return { claims, profile, store: app.stores.get(profile, keys) };
}

/**
 * The second half: the link's record in the store (404 when revoked), which must agree with the
 * token and have been made under the same link key. A store failure reading the record is the
 * store's own mapped error (502/503/504), never a 404 that would read as "revoked".
 */
export async function checkRecord(
  app: FastifyInstance,
  { claims, profile, store }: CheckedToken,
): Promise<ResolvedLink> {
  const record = await getLinkRecord(store, recordPlace(profile.links, claims.bucket), claims.id);
  if (
    !record ||
    record.kind !== claims.kind ||
    record.profile !== claims.profile ||
    record.bucket !== claims.bucket ||
    record.key !== claims.key ||
    (record.keyId !== undefined && record.keyId !== linkKeyId(app.linkKey)) ||
    (claims.password === true && !record.passwordHash)
  ) {
    throw linkNotFound();
  }
  return { claims, record, profile, store };
}

/** The link a `/s/<token>` request names, fully checked: checkToken, then checkRecord. */
export async function resolveLink(
  app: FastifyInstance,
  token: string,
  kind: LinkKind,
): Promise<ResolvedLink> {
  return checkRecord(app, checkToken(app, token, kind));
}
