import type { FastifyInstance } from 'fastify';
import type { LinkKind } from '@stowage/shared';
import { HttpError } from '../errors.js';
import type { Profile } from '../config/profiles.js';
import type { ObjectStore } from '../store/object-store.js';
import { getLinkRecord, recordMatches, recordPlace, type LinkRecord } from './link-records.js';
import { verifyLinkToken, type LinkClaims } from './link-token.js';

/**
 * A public link that may be used now: its signed claims (what it is: the record agrees, to the
 * byte), its profile, and the store to act on.
 */
export interface ResolvedLink {
  claims: LinkClaims;
  profile: Profile;
  /** The profile's store with its link keys (no session lends its own on a public link). */
  store: ObjectStore;
  /** The token itself: what the record was made for. */
  token: string;
}

/** Unknown, altered, revoked, or of another kind: one answer, no detail (on purpose). */
export const linkNotFound = () => new HttpError('LinkNotFound', 'This link does not exist');
export const linkExpired = (claims: LinkClaims) =>
  new HttpError(
    'LinkExpired',
    `This link expired on ${new Date(claims.expiresAt * 1000).toISOString()}`,
  );

/** A token that verified: what it claims, and the store its profile serves links with. */
export type CheckedToken = ResolvedLink;

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
  return { claims, profile, store: app.stores.get(profile, keys), token };
}

/**
 * The second half: the link's record is in the store and was made for this very token (its
 * digest in the record's metadata, one HeadObject: link-records.ts `recordMatches`); else 404,
 * as revoked. A store failure reading it is the store's own mapped error (502/503/504), never a
 * 404 that would read as "revoked".
 */
export async function checkRecord(checked: CheckedToken): Promise<ResolvedLink> {
  const { claims, profile, store, token } = checked;
  const place = recordPlace(profile.links, claims.bucket);
  if (!(await recordMatches(store, place, claims.id, token))) throw linkNotFound();
  return checked;
}

/**
 * The link a `/s/<token>` request names, fully checked: checkToken, then checkRecord. In this
 * order: the mac (404), the expiry (410), the kind (404), the profile (404), the record (404).
 */
export async function resolveLink(
  app: FastifyInstance,
  token: string,
  kind: LinkKind,
): Promise<ResolvedLink> {
  return checkRecord(checkToken(app, token, kind));
}

/** The record's JSON (the password's hash): only the unlock route needs more than the claims. */
export async function readRecord(link: ResolvedLink): Promise<LinkRecord> {
  const { claims, profile, store } = link;
  const record = await getLinkRecord(store, recordPlace(profile.links, claims.bucket), claims.id);
  if (!record) throw linkNotFound();
  return record;
}
