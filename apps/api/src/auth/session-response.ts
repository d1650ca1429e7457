import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ProfileSummary, SessionResponse } from '@stowage/shared';
import { linkAbilities } from '../links/link-abilities.js';

/** What GET/POST /api/session answer: profiles by name and sign-in kind, never endpoints or keys. */
export function sessionResponse(app: FastifyInstance, request: FastifyRequest): SessionResponse {
  const { access } = app;
  const profiles = access.profiles.map((p): ProfileSummary => ({
    name: p.name,
    signIn: p.serverKeys ? 'password' : 'keys',
    readOnly: access.readOnly || p.readOnly,
  }));
  const base = { profiles, defaultProfile: access.defaultProfile };
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
  };
}
