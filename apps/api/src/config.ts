import path from 'node:path';
import { EnvSchema, MAX_COPY_OBJECT_BYTES, type Env } from './env-schema.js';
import { readCaBundle } from './ca-bundle.js';
import { loadAccess, type AccessConfig } from './access-config.js';
import { allowedHostsFrom, trustProxyFrom, type HttpConfig } from './http-config.js';
import type { Credentials } from './profiles.js';

/**
 * Environment (env-schema.ts) -> validated, typed config. A bad config stops the server with
 * the list of every problem (see loadConfig).
 */

export interface StoreConfig {
  /** Undefined means AWS S3 itself (the SDK derives the endpoint from the region). */
  endpoint: string | undefined;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
  tlsVerify: boolean;
  /** A PEM file of the CAs to trust instead of Node's built-in list (AWS_CA_BUNDLE). */
  caBundlePath: string | undefined;
  checksumMode: 'WHEN_REQUIRED' | 'WHEN_SUPPORTED';
  /** How requests are signed: v4 (the SDK's own) or v2 (legacy stores; path-style only). */
  signatureVersion: 'v2' | 'v4';
  connectTimeoutMs: number;
  requestTimeoutMs: number;
  /** Tries per store call, the first included: 1 = no retry (AWS_MAX_ATTEMPTS). */
  maxAttempts: number;
  /** Backoff before retry n: up to base × 2^(n-1) ms, jittered (see store/s3-retry.ts). */
  retryBaseDelayMs: number;
  /** The embedded s3rver: keys it cannot hold safely are refused before they reach it. */
  embedded: boolean;
  /** Objects larger than this are copied in parts (UploadPartCopy) by a metadata edit. */
  multipartCopyThresholdBytes: number;
  /**
   * The profile's bucket allowlist: no request of this connection names another bucket, and
   * keys with `.`/`..` segments are refused (store/key-policy.ts). Undefined: every bucket.
   */
  bucketAllowlist?: readonly string[] | undefined;
  /**
   * Store calls in flight at once over every client of this endpoint; more wait their turn
   * before they are sent (so no timeout runs while they wait). Undefined: no limit.
   */
  maxConcurrentRequests?: number | undefined;
}

export interface AppConfig {
  port: number;
  host: string;
  logLevel: string;
  dataDir: string;
  /** True when no store is configured: server.ts starts s3rver and fills `store` in. */
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
  /** The env's store connection; with no profiles file, the `default` profile's. */
  store: StoreConfig;
  access: AccessConfig;
  http: HttpConfig;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export const isAwsEndpoint = (endpoint: string | undefined) =>
  endpoint === undefined || /\.amazonaws\.com(\.cn)?(:\d+)?$/i.test(new URL(endpoint).host);

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const blankless = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = EnvSchema.safeParse(blankless);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || 'env'}: ${i.message}`),
    );
  }
  const e = parsed.data;
  const endpoint = e.AWS_ENDPOINT_URL_S3 ?? e.AWS_ENDPOINT_URL;
  const problems: string[] = [];
  if (endpoint && !/^https?:\/\//i.test(endpoint)) {
    problems.push(`The S3 endpoint must start with http:// or https:// (got ${endpoint})`);
  }
  const useEmbeddedStore =
    endpoint === undefined && e.AWS_ACCESS_KEY_ID === undefined && !e.STOWAGE_PROFILES_FILE;
  if (Boolean(e.AWS_ACCESS_KEY_ID) !== Boolean(e.AWS_SECRET_ACCESS_KEY)) {
    problems.push('AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY go together (or leave both unset)');
  }
  const embeddedKeysSet = Boolean(
    e.STOWAGE_EMBEDDED_ACCESS_KEY_ID || e.STOWAGE_EMBEDDED_SECRET_ACCESS_KEY,
  );
  if (Boolean(e.STOWAGE_EMBEDDED_ACCESS_KEY_ID) !== Boolean(e.STOWAGE_EMBEDDED_SECRET_ACCESS_KEY)) {
    problems.push(
      'STOWAGE_EMBEDDED_ACCESS_KEY_ID and STOWAGE_EMBEDDED_SECRET_ACCESS_KEY go together (or leave both unset for the demo keys)',
    );
  } else if (embeddedKeysSet && !useEmbeddedStore) {
    problems.push(
      "STOWAGE_EMBEDDED_ACCESS_KEY_ID and STOWAGE_EMBEDDED_SECRET_ACCESS_KEY set the embedded store's keys, but the embedded store is off when an endpoint, AWS_ACCESS_KEY_ID or a profiles file is set: unset them",
    );
  }
  const caBundlePath = e.AWS_CA_BUNDLE ? path.resolve(e.AWS_CA_BUNDLE) : undefined;
  if (caBundlePath) {
    try {
      readCaBundle(caBundlePath);
    } catch (err) {
      problems.push((err as Error).message);
    }
  }
  const v2 = e.STOWAGE_S3_SIGNATURE_VERSION === 'v2';
  if (v2 && e.STOWAGE_S3_FORCE_PATH_STYLE === false) problems.push(SIGV2_PATH_STYLE_PROBLEM);
  if (v2 && useEmbeddedStore) {
    problems.push(
      'STOWAGE_S3_SIGNATURE_VERSION=v2 is for a configured store (set AWS_ENDPOINT_URL_S3 and the keys); the embedded store is signed with v4',
    );
  }
  const http = httpConfig(e, problems);
  if (problems.length) throw new ConfigError(problems);

  const embeddedKeys: Credentials =
    e.STOWAGE_EMBEDDED_ACCESS_KEY_ID && e.STOWAGE_EMBEDDED_SECRET_ACCESS_KEY
      ? {
          accessKeyId: e.STOWAGE_EMBEDDED_ACCESS_KEY_ID,
          secretAccessKey: e.STOWAGE_EMBEDDED_SECRET_ACCESS_KEY,
        }
      : DEMO_EMBEDDED_KEYS;
  const aws = !useEmbeddedStore && isAwsEndpoint(endpoint);
  const store = envStore(e, endpoint, useEmbeddedStore, aws, caBundlePath, embeddedKeys);
  const access = loadAccess(e, store, problems);
  if (problems.length) throw new ConfigError(problems);
  return {
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    dataDir: path.resolve(e.STOWAGE_DATA_DIR),
    useEmbeddedStore,
    embeddedKeys,
    seedDemo: e.STOWAGE_SEED_DEMO ?? useEmbeddedStore,
    webDir: e.STOWAGE_WEB_DIR ? path.resolve(e.STOWAGE_WEB_DIR) : undefined,
    maxUploadBytes: e.STOWAGE_MAX_UPLOAD_BYTES,
    uploadBufferBytes: e.STOWAGE_UPLOAD_BUFFER_MIB * 1024 ** 2,
    bodyTimeoutMs: e.STOWAGE_BODY_TIMEOUT_SECONDS * 1000,
    store,
    access: access!,
    http: http!,
  };
}

function httpConfig(e: Env, problems: string[]): HttpConfig | undefined {
  const allowedHosts = allowedHostsFrom(e.STOWAGE_ALLOWED_HOSTS, e.HOST, e.STOWAGE_PUBLIC_URL);
  const trustProxy = trustProxyFrom(e.STOWAGE_TRUST_PROXY);
  if (typeof allowedHosts === 'string') problems.push(allowedHosts);
  if (typeof trustProxy === 'string') problems.push(trustProxy);
  if (typeof allowedHosts === 'object' && allowedHosts.any && e.STOWAGE_AUTH === 'off') {
    problems.push(
      'STOWAGE_ALLOWED_HOSTS=* is refused with STOWAGE_AUTH=off: any web page could then reach this server through a name of its own (DNS rebinding)',
    );
  }
  if (typeof allowedHosts === 'string' || typeof trustProxy === 'string') return undefined;
  return {
    allowedHosts,
    trustProxy,
    apiRateLimitPerMinute: e.STOWAGE_API_RATE_LIMIT,
    serveSourceMaps: e.STOWAGE_SOURCE_MAPS ?? false,
  };
}

function envStore(
  e: Env,
  endpoint: string | undefined,
  embedded: boolean,
  aws: boolean,
  caBundlePath: string | undefined,
  embeddedKeys: Credentials,
) {
  const v2 = e.STOWAGE_S3_SIGNATURE_VERSION === 'v2';
  return {
    endpoint,
    region: e.AWS_REGION,
    // With no keys in env: the embedded store's (a store without server-held keys never
    // uses these; sessions bring their own).
    accessKeyId: e.AWS_ACCESS_KEY_ID ?? embeddedKeys.accessKeyId,
    secretAccessKey: e.AWS_SECRET_ACCESS_KEY ?? embeddedKeys.secretAccessKey,
    // SigV2 signs the bucket as part of the path, so it is sent path-style (see s3-sigv2.ts).
    forcePathStyle: e.STOWAGE_S3_FORCE_PATH_STYLE ?? (v2 || !aws),
    tlsVerify: e.STOWAGE_S3_TLS_VERIFY ?? true,
    caBundlePath,
    // The SDK's newer default (WHEN_SUPPORTED) sends aws-chunked bodies that s3rver stores
    // verbatim and many S3-compatible servers refuse.
    checksumMode: e.STOWAGE_S3_CHECKSUM_MODE ?? (aws ? 'WHEN_SUPPORTED' : 'WHEN_REQUIRED'),
    signatureVersion: e.STOWAGE_S3_SIGNATURE_VERSION,
    connectTimeoutMs: e.STOWAGE_S3_CONNECT_TIMEOUT_MS,
    requestTimeoutMs: e.STOWAGE_S3_REQUEST_TIMEOUT_MS,
    maxAttempts: e.AWS_MAX_ATTEMPTS,
    retryBaseDelayMs: e.STOWAGE_S3_RETRY_BASE_DELAY_MS,
    embedded,
    multipartCopyThresholdBytes: MAX_COPY_OBJECT_BYTES,
    maxConcurrentRequests: embedded ? EMBEDDED_MAX_CONCURRENCY : undefined,
  } satisfies StoreConfig;
}

/**
 * The one warning a start gives when certificate checks are off (STOWAGE_S3_TLS_VERIFY=false):
 * anyone on the path to that endpoint can then read and change the traffic, keys included.
 */
export function tlsVerifyWarning(store: StoreConfig): string | undefined {
  if (store.tlsVerify || store.embedded) return undefined;
  const endpoint = store.endpoint ?? `AWS S3 (${store.region})`;
  return (
    `Warning: STOWAGE_S3_TLS_VERIFY=false: the TLS certificate of ${endpoint} is not verified, ` +
    'so anyone on the network path can impersonate the store. Prefer AWS_CA_BUNDLE.'
  );
}

export const SIGV2_PATH_STYLE_PROBLEM =
  'STOWAGE_S3_SIGNATURE_VERSION=v2 needs path-style addressing: unset STOWAGE_S3_FORCE_PATH_STYLE or set it true (SigV2 is signed here over /bucket/key as sent)';

/**
 * The embedded s3rver is one process that reads the whole bucket for every listing page: 200
 * listings at once made it answer 504 to most; queued 4 at a time (one process gains nothing from more), each is answered.
 */
export const EMBEDDED_MAX_CONCURRENCY = 4;

/**
 * The embedded store's documented demo keys (s3rver's own defaults), its keys unless
 * STOWAGE_EMBEDDED_ACCESS_KEY_ID and STOWAGE_EMBEDDED_SECRET_ACCESS_KEY set others. The store
 * checks SigV4 signatures: only holders of its keys can use it.
 */
export const DEMO_EMBEDDED_KEYS: Readonly<Credentials> = {
  accessKeyId: 'S3RVER',
  secretAccessKey: 'S3RVER',
};

export const isDemoEmbeddedKeys = (keys: Credentials) =>
  keys.accessKeyId === DEMO_EMBEDDED_KEYS.accessKeyId &&
  keys.secretAccessKey === DEMO_EMBEDDED_KEYS.secretAccessKey;

/** What a start on the embedded store says to sign in with: an operator's secret is never shown. */
export function embeddedSignInHint(keys: Credentials): string {
  return isDemoEmbeddedKeys(keys)
    ? `Sign in with access key ${keys.accessKeyId} and secret key ${keys.secretAccessKey} (the embedded store's keys)`
    : `Sign in with access key ${keys.accessKeyId} and the secret key set in STOWAGE_EMBEDDED_SECRET_ACCESS_KEY (the embedded store's keys)`;
}
