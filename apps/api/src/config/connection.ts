import path from 'node:path';
import type { Env } from './env-schema.js';
import { defaultQuirks, type StoreQuirks } from './quirks.js';
import type { ProfileFileEntry } from './profiles-file.js';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** How to reach a store: everything the S3 client needs but the keys (those come per session). */
export interface StoreConnection {
  /** Undefined means AWS S3 itself (the SDK derives the endpoint from the region). */
  endpoint: string | undefined;
  region: string;
  forcePathStyle: boolean;
  tlsVerify: boolean;
  /** A PEM file of the CAs to trust instead of Node's built-in list (AWS_CA_BUNDLE, caBundle). */
  caBundlePath: string | undefined;
  checksumMode: 'WHEN_REQUIRED' | 'WHEN_SUPPORTED';
  /**
   * Object bodies (PutObject, UploadPart) signed with their SHA-256 (SigV4's
   * x-amz-content-sha256), or sent as UNSIGNED-PAYLOAD: by default unsigned over https (TLS
   * guards the bytes, as the AWS CLI does) and signed over plain http (as boto3 does there).
   */
  payloadSigning: 'signed' | 'unsigned';
  /** How requests are signed: v4 (the SDK's own) or v2 (legacy stores; path-style only). */
  signatureVersion: 'v2' | 'v4';
  connectTimeoutMs: number;
  requestTimeoutMs: number;
  /** Tries per store call, the first included: 1 = no retry (AWS_MAX_ATTEMPTS). */
  maxAttempts: number;
  /** Backoff before retry n: up to base × 2^(n-1) ms, jittered (see store/s3-retry.ts). */
  retryBaseDelayMs: number;
  /** This connection is the embedded s3rver (what it does differently is in `quirks`). */
  embedded: boolean;
  /**
   * Objects larger than this are copied in parts (UploadPartCopy) by a metadata edit, a copy
   * or a move (STOWAGE_MULTIPART_COPY_THRESHOLD_MIB; default 5 GiB, CopyObject's limit).
   */
  multipartCopyThresholdBytes: number;
  /** Objects one copy, move or rename copies at once (STOWAGE_COPY_CONCURRENCY, default 8). */
  copyConcurrency: number;
  /** What the store does differently from S3 (quirks.ts). */
  quirks: StoreQuirks;
}

/** A connection with the keys of one user or of the server: what an S3Store is built from. */
export interface StoreConfig extends StoreConnection, Credentials {
  /**
   * The profile's bucket allowlist: no request of this connection names another bucket, and
   * keys with `.`/`..` segments are refused (store/key-policy.ts). Undefined: every bucket.
   */
  bucketAllowlist?: readonly string[] | undefined;
  /**
   * Temporary credentials asked for at each request (identity passthrough: STS, see
   * store/s3-web-identity.ts), used instead of the static keys above (then left empty). SigV4 only.
   */
  credentialsProvider?: CredentialsProvider | undefined;
}

/** Keys with a session token, fetched (and refreshed) by the provider: the SDK's shape. */
export type CredentialsProvider = () => Promise<
  Credentials & { sessionToken?: string; expiration?: Date }
>;

/** A profile's store, as the profiles file (or the environment, for its one profile) gives it. */
export type ConnectionEntry = Omit<ProfileFileEntry, 'name'> & {
  /** The environment's profile when nothing else is configured: the embedded store. */
  embedded?: boolean;
};

export const isAwsEndpoint = (endpoint: string | undefined) =>
  endpoint === undefined || /\.amazonaws\.com(\.cn)?(:\d+)?$/i.test(new URL(endpoint).host);

/**
 * The one way a connection is made: what the entry says, else what the environment says,
 * else the default for that kind of store. `baseDir` resolves a relative caBundle (the
 * profiles file's folder). The embedded store's endpoint is known only once it runs.
 */
export function resolveConnection(
  entry: ConnectionEntry,
  env: Env,
  options: { baseDir?: string; embeddedEndpoint?: string | undefined } = {},
): StoreConnection {
  const embedded = entry.embedded === true;
  const aws = !embedded && isAwsEndpoint(entry.endpoint);
  const signatureVersion = entry.signatureVersion ?? env.STOWAGE_S3_SIGNATURE_VERSION;
  const caBundle = entry.caBundle ?? env.AWS_CA_BUNDLE;
  const endpoint = embedded ? options.embeddedEndpoint : entry.endpoint;
  return {
    endpoint,
    region: entry.region ?? env.AWS_REGION,
    // SigV2 signs the bucket as part of the path, so it is sent path-style (see s3-sigv2.ts).
    forcePathStyle:
      entry.forcePathStyle ??
      env.STOWAGE_S3_FORCE_PATH_STYLE ??
      (signatureVersion === 'v2' || !aws),
    tlsVerify: entry.tlsVerify ?? env.STOWAGE_S3_TLS_VERIFY ?? true,
    caBundlePath: caBundle
      ? path.resolve(entry.caBundle ? (options.baseDir ?? '.') : '.', caBundle)
      : undefined,
    // The SDK's newer default (WHEN_SUPPORTED) sends aws-chunked bodies that s3rver stores
    // verbatim and many S3-compatible servers refuse.
    checksumMode:
      entry.checksumMode ??
      env.STOWAGE_S3_CHECKSUM_MODE ??
      (aws ? 'WHEN_SUPPORTED' : 'WHEN_REQUIRED'),
    payloadSigning:
      entry.payloadSigning ??
      env.STOWAGE_S3_PAYLOAD_SIGNING ??
      (aws || endpoint?.startsWith('https:') ? 'unsigned' : 'signed'),
    signatureVersion,
    connectTimeoutMs: env.STOWAGE_S3_CONNECT_TIMEOUT_MS,
    requestTimeoutMs: env.STOWAGE_S3_REQUEST_TIMEOUT_MS,
    maxAttempts: env.AWS_MAX_ATTEMPTS,
    retryBaseDelayMs: env.STOWAGE_S3_RETRY_BASE_DELAY_MS,
    embedded,
    multipartCopyThresholdBytes: env.STOWAGE_MULTIPART_COPY_THRESHOLD_MIB * 1024 ** 2,
    copyConcurrency: env.STOWAGE_COPY_CONCURRENCY,
    quirks: {
      ...defaultQuirks(embedded ? 'embedded' : aws ? 'aws' : 'other'),
      ...entry.quirks,
    },
  };
}

/**
 * The warning a start gives for each connection whose certificate checks are off: anyone on
 * the path to that endpoint can then read and change the traffic, keys included.
 */
export function tlsVerifyWarning(name: string, c: StoreConnection): string | undefined {
  if (c.tlsVerify || c.embedded) return undefined;
  const endpoint = c.endpoint ?? `AWS S3 (${c.region})`;
  return (
    `Warning: the TLS certificate of ${endpoint} (profile "${name}") is not verified ` +
    '(STOWAGE_S3_TLS_VERIFY=false or "tlsVerify": false), so anyone on the network path can ' +
    'impersonate the store. Prefer AWS_CA_BUNDLE or "caBundle".'
  );
}

export const SIGV2_PATH_STYLE_PROBLEM =
  'STOWAGE_S3_SIGNATURE_VERSION=v2 needs path-style addressing: unset STOWAGE_S3_FORCE_PATH_STYLE or set it true (SigV2 is signed here over /bucket/key as sent)';
