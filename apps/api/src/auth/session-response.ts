import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ProfileSummary, SessionResponse } from '@stowage/shared';
import { isDemoEmbeddedKeys } from '../embedded/keys.js';
import { linkAbilities } from '../links/link-abilities.js';
import { grantedProfiles } from './sso-roles.js';

export const SSO_START_URL = '/api/auth/sso/start';

/** What GET/POST /api/session answer: profiles by name and sign-in kind, never endpoints or keys. */
export function sessionResponse(app: FastifyInstance, request: FastifyRequest): SessionResponse {
  const { access } = app;
  // A profile with server-held keys and no password is single sign-on's alone (config-problems.ts).
  const ssoOnly = (p: (typeof access.profiles)[number]) =>
    access.sso !== undefined && p.serverKeys !== undefined && p.passwordHash === undefined;
  // The embedded demo store's documented keys, shown on the login page: never an operator's.
  const demoKeysOf = (p: (typeof access.profiles)[number]) =>
    p.connection.embedded &&
    p.serverKeys === undefined &&
    access.embeddedKeys !== undefined &&
    isDemoEmbeddedKeys(access.embeddedKeys)
      ? { demoKeys: { ...access.embeddedKeys } }
      : {};
  const profiles = access.profiles
    .filter((p) => !ssoOnly(p))
    .map((p): ProfileSummary => ({
      name: p.name,
      signIn: p.serverKeys ? 'password' : 'keys',
      readOnly: access.readOnly || p.readOnly,
      ...demoKeysOf(p),
    }));
  const sso = access.sso && { buttonName: access.sso.buttonName, startUrl: SSO_START_URL };
  const base = { profiles, defaultProfile: access.defaultProfile, ...(sso ? { sso } : {}) };
  const id = request.identity;
  if (!id) return { signedIn: false, ...base };
  return {
    signedIn: true,
    ...base,
    profile: id.profile.name,
    who: id.who,
    readOnly: id.readOnly,
    bucketAllowlist: id.profile.buckets ? [...id.profile.buckets] : null,
    authRequired: id.authRequired,
    expiresAt: new Date(id.expiresAt).toISOString(),
    links: linkAbilities(id, access.links),
    admin: id.profile.admin === true,
    ...(access.sso && id.user
      ? { ssoProfiles: grantedProfiles(access.sso, ssoRoles(request)) }
      : {}),
    ...(id.webIdentity ? { identity: 'passthrough' as const } : {}),
  };
}

/** The roles an SSO session holds (its cookie). */
function ssoRoles(request: FastifyRequest): string[] {
  const data = request.session.get('user');
  return data?.via === 'sso' ? (data.sso?.roles ?? []) : [];
}
