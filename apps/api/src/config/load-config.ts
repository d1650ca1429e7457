import path from 'node:path';
import { parseAuditDestinations, type AuditDestinations } from '../audit/audit-destinations.js';
import { z } from 'zod';
import type { AccessConfig } from './access.js';
import { problemsOf } from './config-problems.js';
import { embeddedKeysOf, envEntry, isEmbedded } from './env-entry.js';
import { resolveConnection, type Credentials, type StoreConfig } from './connection.js';
import { EnvSchema, type DownloadReadSettings, type Env } from './env-schema.js';
import { allowedHostsFrom, trustProxyFrom, type AllowedHosts, type HttpConfig } from './http.js';
import {
  ProfilesFileSchema,
  readProfilesJson,
  whereInFile,
  type ProfileFileEntry,
  type ProfilesFile,
} from './profiles-file.js';
import { DEFAULT_LINK_PREFIX, type Profile, type ProfileLinks } from './profiles.js';
import { resolveSso, ssoProblems, type SsoConfig } from './sso.js';

/**
 * The configuration, in two steps. `readSettings` reads the environment and the profiles file
 * and validates them together with one schema: every problem of both is listed at start.
 * `resolveConfig` then makes every profile's connection the one way there is
 * (connection.ts: the entry, else the environment, else the store kind's default) — the
 * environment's own store is one more profile of the same shape — and freezes the result.
 * The embedded store's endpoint is known only once it runs, so server.ts starts it between
 * the two steps.
 */

export interface AppConfig {
  port: number;
  host: string;
  logLevel: string;
  dataDir: string;
  /** True when no store is configured: server.ts starts s3rver (its endpoint is then known). */
  useEmbeddedStore: boolean;
  /** The embedded store's keys: the demo keys, or STOWAGE_EMBEDDED_ACCESS_KEY_ID/SECRET. */
  embeddedKeys: Credentials;
  seedDemo: boolean;
  webDir: string | undefined;
  /** The largest file one upload may carry; a bigger one is refused with 413. */
  maxUploadBytes: number;
  /** Upload parts all uploads together may hold in memory; more uploads wait their turn. */
  uploadBufferBytes: number;
  /** A request body that delivers less than 1 KiB in this long of waiting is cut off. */
  bodyTimeoutMs: number;
  /** Large downloads read in concurrent ranges (STOWAGE_DOWNLOAD_*; store/s3-parallel-read.ts). */
  downloadReads: DownloadReadSettings;
  /** SIGTERM: how long requests in flight may finish before they are cut (server.ts). */
  drainMs: number;
  /** `/metrics` exists only with it, behind `Authorization: Bearer <token>`. */
  metricsToken: string | undefined;
  /** The environment's own store, with its keys (or the embedded store's): the demo is seeded there. */
  store: StoreConfig;
  access: AccessConfig;
  http: HttpConfig;
  /** STOWAGE_AUDIT_LOG: where audit lines go; undefined: no audit log (audit/README.md). */
  audit: AuditDestinations | undefined;
  /** STOWAGE_REDIS_URL: the state several instances share (shared-state/); undefined: none. */
  redisUrl: string | undefined;
  /** STOWAGE_INSTANCE_ID: this instance's name (X-Stowage-Instance header, log lines). */
  instanceId: string | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** The environment and the profiles file, validated; not yet resolved into connections. */
export interface Settings {
  env: Env;
  file: { path: string; content: ProfilesFile } | undefined;
  useEmbeddedStore: boolean;
  /** The profiles file's `sso` section, resolved (its client secret may come from the environment). */
  sso: SsoConfig | undefined;
}

/** `rawEnv`: the SSO client secret may be in a variable the file names. */
const settingsSchema = (rawEnv: Record<string, string | undefined>) =>
  z
    .object({
      env: EnvSchema,
      file: z.object({ path: z.string(), content: ProfilesFileSchema }).optional(),
    })
    .superRefine((s, ctx) => {
      const problems = problemsOf(s.env, s.file);
      const sso = s.file?.content.sso;
      if (s.file && sso)
        problems.push(...ssoProblems(sso, s.file.content.profiles, rawEnv, s.file.path));
      for (const message of problems) ctx.addIssue({ code: 'custom', message });
    });

/** Reads and validates; throws a ConfigError listing every problem. */
export function readSettings(rawEnv: NodeJS.ProcessEnv = process.env): Settings {
  const env = Object.fromEntries(Object.entries(rawEnv).filter(([, v]) => v !== ''));
  const filePath = env.STOWAGE_PROFILES_FILE ? path.resolve(env.STOWAGE_PROFILES_FILE) : undefined;
  const read = filePath ? readProfilesJson(filePath) : undefined;
  if (read && 'problem' in read) {
    // Nothing to validate the profiles against: the environment's problems, and this one.
    const envOnly = EnvSchema.safeParse(env);
    const envProblems = envOnly.success
      ? []
      : envOnly.error.issues.map((i) => describe(i.path, i.message));
    throw new ConfigError([...envProblems, read.problem]);
  }
  const parsed = settingsSchema(env).safeParse({
    env,
    file: filePath && read ? { path: filePath, content: read.json } : undefined,
  });
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) =>
        i.path[0] === 'file'
          ? `${filePath}: ${whereInFile(read && 'json' in read ? read.json : undefined, i.path.slice(2))}${i.message}`
          : describe(i.path.slice(1), i.message),
      ),
    );
  }
  const { env: e, file } = parsed.data;
  const sso = file?.content.sso && resolveSso(file.content.sso, file.content.profiles, env);
  return { env: e, file, useEmbeddedStore: isEmbedded(e), sso };
}

const describe = (issuePath: PropertyKey[], message: string) =>
  issuePath.length ? `${issuePath.join('.')}: ${message}` : message;

/**
 * Every profile's connection, the one way (connection.ts), and the rest of the settings, frozen:
 * nothing patches the configuration after this.
 */
export function resolveConfig(settings: Settings, embeddedEndpoint?: string): AppConfig {
  const { env: e, file } = settings;
  const embeddedKeys = embeddedKeysOf(e);
  const own = envEntry(e);
  const envConnection = resolveConnection(own, e, { embeddedEndpoint });
  const entries = file ? file.content.profiles : [own];
  const baseDir = file ? path.dirname(file.path) : undefined;
  const profiles = entries.map((p): Profile => ({
    name: p.name,
    connection: resolveConnection(p, e, { baseDir, embeddedEndpoint }),
    serverKeys:
      p.accessKeyId && p.secretAccessKey
        ? { accessKeyId: p.accessKeyId, secretAccessKey: p.secretAccessKey }
        : undefined,
    passwordHash: p.passwordHash,
    buckets: p.buckets,
    readOnly: p.readOnly ?? false,
    admin: p.admin ?? false,
    links: profileLinks(p, embeddedKeys),
    uploadTransport: p.uploadTransport ?? 'relay',
    downloads: p.downloads ?? 'relay',
  }));
  return deepFreeze({
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    dataDir: path.resolve(e.STOWAGE_DATA_DIR),
    useEmbeddedStore: settings.useEmbeddedStore,
    embeddedKeys: { ...embeddedKeys },
    seedDemo: e.STOWAGE_SEED_DEMO ?? settings.useEmbeddedStore,
    webDir: e.STOWAGE_WEB_DIR ? path.resolve(e.STOWAGE_WEB_DIR) : undefined,
    maxUploadBytes: e.STOWAGE_MAX_UPLOAD_BYTES,
    uploadBufferBytes: e.STOWAGE_UPLOAD_BUFFER_MIB * 1024 ** 2,
    bodyTimeoutMs: e.STOWAGE_BODY_TIMEOUT_SECONDS * 1000,
    downloadReads: {
      partBytes: e.STOWAGE_DOWNLOAD_PART_MIB * 1024 ** 2,
      parts: e.STOWAGE_DOWNLOAD_PARTS,
      minBytes: e.STOWAGE_DOWNLOAD_PARALLEL_MIN_MIB * 1024 ** 2,
    },
    drainMs: e.STOWAGE_DRAIN_SECONDS * 1000,
    metricsToken: e.STOWAGE_METRICS_TOKEN,
    // With no keys in env: the embedded store's (a store without server-held keys never uses
    // these; sessions bring their own).
    store: {
      ...envConnection,
      accessKeyId: e.AWS_ACCESS_KEY_ID ?? embeddedKeys.accessKeyId,
      secretAccessKey: e.AWS_SECRET_ACCESS_KEY ?? embeddedKeys.secretAccessKey,
    },
    access: {
      profiles,
      defaultProfile: file?.content.defaultProfile ?? entries[0]!.name,
      authRequired: e.STOWAGE_AUTH !== 'off',
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
      embeddedKeys: settings.useEmbeddedStore ? { ...embeddedKeys } : undefined,
      sso: settings.sso,
      links: {
        // Changing it revokes every relay and upload link (links/README.md).
        secret: e.STOWAGE_LINK_SECRET ?? e.STOWAGE_SESSION_SECRET,
        maxSeconds: Math.round(e.STOWAGE_LINK_MAX_DAYS * 86_400),
      },
    },
    audit: auditOf(e.STOWAGE_AUDIT_LOG),
    redisUrl: e.STOWAGE_REDIS_URL,
    instanceId: e.STOWAGE_INSTANCE_ID,
    http: {
      allowedHosts: allowedHostsFrom(
        e.STOWAGE_ALLOWED_HOSTS,
        e.HOST,
        e.STOWAGE_PUBLIC_URL,
      ) as AllowedHosts,
      trustProxy: trustProxyFrom(e.STOWAGE_TRUST_PROXY) as HttpConfig['trustProxy'],
      apiRateLimitPerMinute: e.STOWAGE_API_RATE_LIMIT,
      serveSourceMaps: e.STOWAGE_SOURCE_MAPS ?? false,
      publicUrl: e.STOWAGE_PUBLIC_URL,
    },
  });
}

/**
 * A profile's link settings (its `links` entry, or the STOWAGE_LINK_* variables for the
 * environment's profile). Relay and upload links are served with keys the server holds: the
 * entry's own link keys, else the profile's server-held keys, else the embedded store's.
 */
function profileLinks(
  p: ProfileFileEntry & { embedded?: boolean },
  embeddedKeys: Credentials,
): ProfileLinks {
  const l = p.links ?? {};
  const keys =
    l.accessKeyId && l.secretAccessKey
      ? { accessKeyId: l.accessKeyId, secretAccessKey: l.secretAccessKey }
      : p.accessKeyId && p.secretAccessKey
        ? { accessKeyId: p.accessKeyId, secretAccessKey: p.secretAccessKey }
        : p.embedded === true
          ? { ...embeddedKeys }
          : undefined;
  return {
    defaultMode: l.defaultMode ?? (keys ? 'relay' : 'direct'),
    keys,
    bucket: l.bucket,
    prefix: l.prefix ?? DEFAULT_LINK_PREFIX,
  };
}

/** Both steps at once (tests, and any caller that starts no embedded store). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, embeddedEndpoint?: string) {
  return resolveConfig(readSettings(env), embeddedEndpoint);
}

/** Read-only all the way down: a late write throws instead of changing the running config. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** STOWAGE_AUDIT_LOG, already checked by problemsOf. */
function auditOf(value: string | undefined): AuditDestinations | undefined {
  if (value === undefined) return undefined;
  const parsed = parseAuditDestinations(value);
  return 'problem' in parsed ? undefined : parsed;
}
