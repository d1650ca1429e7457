import type { AccessConfig } from '../config/access.js';
import type { Credentials } from '../config/connection.js';
import type { Profile } from '../config/profiles.js';
import { roleFor } from './sso-roles.js';
import { sessionSubject, type SessionData } from './session-data.js';

/** Who a request acts as: resolved from the session cookie (or STOWAGE_AUTH=off). */
export interface Identity {
  profile: Profile;
  /** The keys it acts with; undefined for an identity passthrough (`webIdentity`). */
  keys: Credentials | undefined;
  /**
   * An SSO role with `identity: "passthrough"` (config/sso.ts): the store is reached with the
   * person's own temporary credentials, from their ID token by STS (store/s3-web-identity.ts).
   * What the exchange needs, per session; the credentials themselves live in the API process.
   */
  webIdentity?: PassthroughIdentity;
  /** The access key id, or "dashboard password". */
  who: string;
  readOnly: boolean;
  authRequired: boolean;
  /** Epoch ms at which the session ends at the latest. */
  expiresAt: number;
  /**
   * The person behind an SSO sign-in (issue 21: OpenID Connect): the ID token's `sub`, and
   * its name or e-mail when the provider gave them. Undefined for key and password sign-ins.
   */
  user?: { subject: string; name?: string | undefined; email?: string | undefined };
  /** The sign-in behind it (none with STOWAGE_AUTH=off): what sign-out revokes. */
  session?: { id: string; subject: string };
}

export interface PassthroughIdentity {
  roleArn: string;
  durationSeconds: number;
  /** The session id: credentials and stores are kept per session, never shared across people. */
  sessionKey: string;
  /** The ID token's `sub`: STS's session name (the store's logs name the person). */
  subject: string;
  idToken: string;
}

/** The identity a session grants, or undefined when its keys are gone (profile changed). */
export function identityOf(
  access: AccessConfig,
  profile: Profile,
  data: SessionData,
): Identity | undefined {
  if (data.via === 'sso') return ssoIdentityOf(access, profile, data);
  const keys =
    data.via === 'keys'
      ? data.accessKeyId && data.secretAccessKey
        ? { accessKeyId: data.accessKeyId, secretAccessKey: data.secretAccessKey }
        : undefined
      : profile.serverKeys;
  if (!keys || (data.via === 'keys') === Boolean(profile.serverKeys)) return undefined;
  return {
    profile,
    keys,
    who: data.via === 'keys' ? keys.accessKeyId : 'dashboard password',
    readOnly: access.readOnly || profile.readOnly,
    authRequired: true,
    expiresAt: data.createdAt + access.session.maxMs,
    session: { id: data.sid, subject: sessionSubject(data) },
  };
}

/**
 * An SSO session's identity: the profile's server-held keys (or, for a passthrough role, the
 * person's own STS identity), narrowed by the role that grants it (read-only, the bucket
 * allowlist inside the profile's). A role gone from the configuration
 * ends the session; the ID token's expiry bounds it (session-data.ts `sessionState`).
 */
function ssoIdentityOf(
  access: AccessConfig,
  profile: Profile,
  data: SessionData,
): Identity | undefined {
  const sso = data.sso;
  const role = sso && access.sso ? roleFor(access.sso, sso.roles, profile.name) : undefined;
  if (!sso || !role) return undefined;
  const passthrough = role.passthrough;
  // Passthrough needs the ID token (kept in the sealed cookie); a profile role the server's keys.
  if (passthrough ? !sso.idToken : !profile.serverKeys) return undefined;
  const user = { subject: sso.subject, name: sso.name, email: sso.email };
  return {
    profile: { ...profile, buckets: role.buckets, readOnly: role.readOnly },
    keys: passthrough ? undefined : profile.serverKeys,
    ...(passthrough && {
      webIdentity: {
        ...passthrough,
        sessionKey: data.sid,
        subject: sso.subject,
        idToken: sso.idToken!,
      },
    }),
    who: sso.name ?? sso.email ?? sso.subject,
    readOnly: access.readOnly || role.readOnly,
    authRequired: true,
    expiresAt: Math.min(data.createdAt + access.session.maxMs, sso.until),
    user,
    session: { id: data.sid, subject: sessionSubject(data) },
  };
}
