import type { AccessConfig } from '../config/access.js';
import type { Credentials } from '../config/connection.js';
import type { Profile } from '../config/profiles.js';
import { sessionSubject, type SessionData } from './session-data.js';

/** Who a request acts as: resolved from the session cookie (or STOWAGE_AUTH=off). */
export interface Identity {
  profile: Profile;
  keys: Credentials;
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

/** The identity a session grants, or undefined when its keys are gone (profile changed). */
export function identityOf(
  access: AccessConfig,
  profile: Profile,
  data: SessionData,
): Identity | undefined {
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
