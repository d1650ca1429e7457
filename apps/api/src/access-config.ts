import path from 'node:path';
import { checkProfiles, loadProfilesFile, type Credentials, type Profile } from './profiles.js';
import type { StoreConfig } from './config.js';
import type { Env } from './env-schema.js';

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

/** Profiles (the file's, or env's one), auth and session settings; problems are collected. */
export function loadAccess(
  e: Env,
  store: StoreConfig,
  problems: string[],
): AccessConfig | undefined {
  const authOff = e.STOWAGE_AUTH === 'off';
  if (authOff && !isLoopbackHost(e.HOST)) {
    problems.push(
      `STOWAGE_AUTH=off is allowed only on a loopback HOST (127.0.0.1, ::1, localhost), not ${e.HOST}`,
    );
  }
  const { accessKeyId, secretAccessKey, ...connection } = store;
  const fromFile = e.STOWAGE_PROFILES_FILE
    ? loadProfilesFile(path.resolve(e.STOWAGE_PROFILES_FILE), connection, problems)
    : undefined;
  if (e.STOWAGE_PROFILES_FILE && e.STOWAGE_PASSWORD_HASH) {
    problems.push(
      'STOWAGE_PASSWORD_HASH is for env alone: with a profiles file, give each profile its "passwordHash"',
    );
  }
  const serverKeys = e.AWS_ACCESS_KEY_ID ? { accessKeyId, secretAccessKey } : undefined;
  const { profiles, defaultProfile } = fromFile ?? {
    defaultProfile: ENV_PROFILE,
    profiles: [
      {
        name: ENV_PROFILE,
        connection,
        serverKeys,
        passwordHash: e.STOWAGE_PASSWORD_HASH,
        buckets: undefined,
        readOnly: false,
      } satisfies Profile,
    ],
  };
  checkProfiles(profiles, authOff, problems);
  const first = profiles.find((p) => p.name === defaultProfile);
  if (authOff && first && !first.serverKeys && !first.connection.embedded) {
    problems.push(
      `STOWAGE_AUTH=off needs a default profile whose keys the server holds ("${first.name}" has none)`,
    );
  }
  if (problems.length) return undefined;
  return {
    profiles,
    defaultProfile,
    authRequired: !authOff,
    readOnly: e.STOWAGE_READ_ONLY ?? false,
    session: {
      secret: e.STOWAGE_SESSION_SECRET,
      idleMs: e.STOWAGE_SESSION_IDLE_MINUTES * 60_000,
      maxMs: e.STOWAGE_SESSION_MAX_HOURS * 3_600_000,
      secureCookie:
        e.STOWAGE_SESSION_COOKIE_SECURE === 'auto'
          ? 'auto'
          : e.STOWAGE_SESSION_COOKIE_SECURE === 'true',
    },
    loginRateLimit: {
      max: e.STOWAGE_LOGIN_RATE_LIMIT,
      windowMs: e.STOWAGE_LOGIN_RATE_WINDOW_MINUTES * 60_000,
    },
    embeddedKeys: store.embedded ? { accessKeyId, secretAccessKey } : undefined,
  };
}
