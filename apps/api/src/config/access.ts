import type { Credentials } from './connection.js';
import type { Profile } from './profiles.js';

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
  /** The embedded store's keys, when env's profile is the embedded store: what STOWAGE_AUTH=off acts with there. */
  embeddedKeys?: Credentials;
}

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
