import type { Credentials } from './connection.js';
import type { Profile } from './profiles.js';
import type { SsoConfig } from './sso.js';

/** Who may use the dashboard, and how (sessions, profiles, read-only). */
export interface AccessConfig {
  profiles: Profile[];
  defaultProfile: string;
  /** False only with STOWAGE_AUTH=off (loopback only): no sign-in, the default profile's keys. */
  authRequired: boolean;
  /** STOWAGE_READ_ONLY: write routes are not registered at all. */
  readOnly: boolean;
  session: SessionConfig;
  loginRateLimit: { max: number; windowMs: number };
  /** Share links: the signing secret and the longest link served through Stowage. */
  links: LinksConfig;
  /** The embedded store's keys, when env's profile is the embedded store: what STOWAGE_AUTH=off acts with there. */
  embeddedKeys?: Credentials;
  /** Single sign-on with OpenID Connect (config/sso.ts), when the profiles file has `sso`. */
  sso?: SsoConfig | undefined;
}

export interface LinksConfig {
  /**
   * What relay and upload link tokens are signed with (a key derived from it): STOWAGE_LINK_SECRET,
   * else the session secret; undefined: a random key per process (links end on restart).
   * Changing it revokes every such link.
   */
  secret: string | undefined;
  /** The longest relay or upload link (STOWAGE_LINK_MAX_DAYS), in seconds. */
  maxSeconds: number;
}

/** STOWAGE_LINK_MAX_DAYS' default: a year. */
export { DEFAULT_LINK_MAX_DAYS } from './env-schema.js';

export interface SessionConfig {
  /** Undefined: a random key per process (sessions end on restart). */
  secret: string | undefined;
  idleMs: number;
  maxMs: number;
  /** `auto`: Secure when the request came over https. */
  secureCookie: 'auto' | boolean;
}

/** The name env alone gives its one profile. */
export const ENV_PROFILE = 'default';

export const isLoopbackHost = (host: string) =>
  host === 'localhost' || host === '::1' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);

/**
 * Said at start when relay or upload links are served but nothing signs them for good: with no
 * STOWAGE_LINK_SECRET (nor STOWAGE_SESSION_SECRET) each process picks a random key, so every
 * link ends when Stowage restarts and another instance refuses it.
 */
export function linkSecretWarning(access: AccessConfig): string | undefined {
  if (access.links.secret || !access.profiles.some((p) => p.links.keys)) return undefined;
  return (
    'No STOWAGE_LINK_SECRET (nor STOWAGE_SESSION_SECRET): relay and upload links end when ' +
    'Stowage restarts, and several instances cannot share them. Set one of at least 32 ' +
    'characters (e.g. openssl rand -hex 32).'
  );
}
