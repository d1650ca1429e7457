import { z } from 'zod';
import { BucketNameSchema } from '@stowage/shared';
import { LinkPrefixSchema } from './profiles-file.js';

/**
 * The environment's shape: every variable Stowage reads, with its default and the sentence a
 * bad value gets (config.ts turns the issues into the start's list of problems). Every
 * variable is documented in .env.example.
 */

/** S3's largest object (5 TiB), the default upload limit. */
export const MAX_OBJECT_BYTES = 5 * 1024 ** 4;
/** S3's largest single CopyObject (5 GiB): bigger objects are copied in parts. */
export const MAX_COPY_OBJECT_BYTES = 5 * 1024 ** 3;
/** Copies one copy, move or rename runs at once (STOWAGE_COPY_CONCURRENCY). */
export const DEFAULT_COPY_CONCURRENCY = 8;
/** Upload parts all uploads together may hold in memory: 256 MiB, six 8 MiB-part uploads. */
export const DEFAULT_UPLOAD_BUFFER_BYTES = 256 * 1024 ** 2;
/**
 * Large downloads read in ranges from the store (store/s3-parallel-read.ts): off by default
 * (one plain GET, piped: on Ceph on this 2-vCPU machine the ranges cost 1.3–4 s more CPU per
 * GiB and were never faster; ADR 0001). On: 8 MiB parts (boto3's), N read ahead of the one
 * being sent ((N + 1) × 8 MiB a download, from the upload buffer budget), from 64 MiB up.
 */
export const DEFAULT_DOWNLOAD_PART_MIB = 8;
export const DEFAULT_DOWNLOAD_PARTS = 0;
export const DEFAULT_DOWNLOAD_PARALLEL_MIN_MIB = 64;

/** STOWAGE_DOWNLOAD_PART_MIB, _PARTS and _PARALLEL_MIN_MIB, in bytes. */
export interface DownloadReadSettings {
  /** Bytes per ranged GET. */
  partBytes: number;
  /** Ranged GETs in flight at most; 0: every download is one plain GET, piped. */
  parts: number;
  /** Objects smaller than this are one plain GET. */
  minBytes: number;
}

export const DEFAULT_DOWNLOAD_READS: DownloadReadSettings = {
  partBytes: DEFAULT_DOWNLOAD_PART_MIB * 1024 ** 2,
  parts: DEFAULT_DOWNLOAD_PARTS,
  minBytes: DEFAULT_DOWNLOAD_PARALLEL_MIN_MIB * 1024 ** 2,
};
/** A request body that delivers less than 1 KiB in this long of waiting is cut off. */
export const DEFAULT_BODY_TIMEOUT_MS = 60_000;
/** How long a SIGTERM lets requests in flight finish (STOWAGE_DRAIN_SECONDS). */
export const DEFAULT_DRAIN_SECONDS = 30;
/** The longest relay or upload link, in days (STOWAGE_LINK_MAX_DAYS). */
export const DEFAULT_LINK_MAX_DAYS = 365;
/** Requests per minute one session may make on /api (STOWAGE_API_RATE_LIMIT). */
export const DEFAULT_API_RATE_LIMIT = 12_000;

const flag = (name: string) =>
  z
    .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'], {
      message: `${name} must be true or false`,
    })
    .transform((v) => ['1', 'true', 'yes', 'on'].includes(v))
    .optional();

const minutes = (name: string, fallback: number) =>
  z.coerce
    .number({ message: `${name} must be a number` })
    .positive(`${name} must be positive`)
    .default(fallback);

export const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535, 'PORT must be 0-65535').default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  STOWAGE_DATA_DIR: z.string().min(1).default('./data'),
  STOWAGE_SEED_DEMO: flag('STOWAGE_SEED_DEMO'),
  STOWAGE_WEB_DIR: z.string().min(1).optional(),
  AWS_ENDPOINT_URL_S3: z.url({ message: 'AWS_ENDPOINT_URL_S3 must be an http(s) URL' }).optional(),
  AWS_ENDPOINT_URL: z.url({ message: 'AWS_ENDPOINT_URL must be an http(s) URL' }).optional(),
  AWS_ACCESS_KEY_ID: z.string().min(1).optional(),
  AWS_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  AWS_REGION: z.string().min(1).default('us-east-1'),
  STOWAGE_EMBEDDED_ACCESS_KEY_ID: z
    .string()
    .regex(
      /^[A-Za-z0-9._-]{3,128}$/,
      'STOWAGE_EMBEDDED_ACCESS_KEY_ID is 3-128 letters, digits, ".", "_" or "-"',
    )
    .optional(),
  STOWAGE_EMBEDDED_SECRET_ACCESS_KEY: z
    .string()
    .min(8, 'STOWAGE_EMBEDDED_SECRET_ACCESS_KEY must be at least 8 characters')
    .optional(),
  STOWAGE_S3_FORCE_PATH_STYLE: flag('STOWAGE_S3_FORCE_PATH_STYLE'),
  STOWAGE_S3_TLS_VERIFY: flag('STOWAGE_S3_TLS_VERIFY'),
  AWS_CA_BUNDLE: z.string().min(1).optional(),
  STOWAGE_S3_CHECKSUM_MODE: z
    .enum(['WHEN_REQUIRED', 'WHEN_SUPPORTED'], {
      message: 'STOWAGE_S3_CHECKSUM_MODE must be WHEN_REQUIRED or WHEN_SUPPORTED',
    })
    .optional(),
  STOWAGE_S3_PAYLOAD_SIGNING: z
    .enum(['signed', 'unsigned'], {
      message: 'STOWAGE_S3_PAYLOAD_SIGNING must be signed or unsigned',
    })
    .optional(),
  STOWAGE_S3_SIGNATURE_VERSION: z
    .enum(['v2', 'v4'], {
      message: 'STOWAGE_S3_SIGNATURE_VERSION must be v2 (legacy, HMAC-SHA1) or v4 (the default)',
    })
    .default('v4'),
  STOWAGE_S3_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  STOWAGE_S3_REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(30000),
  AWS_MAX_ATTEMPTS: z.coerce
    .number({ message: 'AWS_MAX_ATTEMPTS must be a number of attempts' })
    .int('AWS_MAX_ATTEMPTS must be a whole number')
    .min(1, 'AWS_MAX_ATTEMPTS is at least 1 (1 = no retry)')
    .max(10, 'AWS_MAX_ATTEMPTS is at most 10')
    .default(3),
  STOWAGE_S3_RETRY_BASE_DELAY_MS: z.coerce
    .number({ message: 'STOWAGE_S3_RETRY_BASE_DELAY_MS must be a number of milliseconds' })
    .int('STOWAGE_S3_RETRY_BASE_DELAY_MS must be a whole number of milliseconds')
    .min(0, 'STOWAGE_S3_RETRY_BASE_DELAY_MS must not be negative')
    .max(10000, 'STOWAGE_S3_RETRY_BASE_DELAY_MS is at most 10000')
    .default(100),
  STOWAGE_UPLOAD_BUFFER_MIB: z.coerce
    .number({ message: 'STOWAGE_UPLOAD_BUFFER_MIB must be a number of MiB' })
    .int('STOWAGE_UPLOAD_BUFFER_MIB must be a whole number of MiB')
    .min(40, 'STOWAGE_UPLOAD_BUFFER_MIB is at least 40 (one upload of 8 MiB parts)')
    .default(DEFAULT_UPLOAD_BUFFER_BYTES / 1024 ** 2),
  STOWAGE_DOWNLOAD_PART_MIB: z.coerce
    .number({ message: 'STOWAGE_DOWNLOAD_PART_MIB must be a number of MiB' })
    .int('STOWAGE_DOWNLOAD_PART_MIB must be a whole number of MiB')
    .min(1, 'STOWAGE_DOWNLOAD_PART_MIB is at least 1')
    .max(64, 'STOWAGE_DOWNLOAD_PART_MIB is at most 64')
    .default(DEFAULT_DOWNLOAD_PART_MIB),
  STOWAGE_DOWNLOAD_PARTS: z.coerce
    .number({ message: 'STOWAGE_DOWNLOAD_PARTS must be a number of parts' })
    .int('STOWAGE_DOWNLOAD_PARTS must be a whole number')
    .min(0, 'STOWAGE_DOWNLOAD_PARTS must not be negative (0: one plain GET per download)')
    .max(16, 'STOWAGE_DOWNLOAD_PARTS is at most 16')
    .default(DEFAULT_DOWNLOAD_PARTS),
  STOWAGE_DOWNLOAD_PARALLEL_MIN_MIB: z.coerce
    .number({ message: 'STOWAGE_DOWNLOAD_PARALLEL_MIN_MIB must be a number of MiB' })
    .int('STOWAGE_DOWNLOAD_PARALLEL_MIN_MIB must be a whole number of MiB')
    .min(0, 'STOWAGE_DOWNLOAD_PARALLEL_MIN_MIB must not be negative')
    .default(DEFAULT_DOWNLOAD_PARALLEL_MIN_MIB),
  STOWAGE_COPY_CONCURRENCY: z.coerce
    .number({ message: 'STOWAGE_COPY_CONCURRENCY must be a number of copies' })
    .int('STOWAGE_COPY_CONCURRENCY must be a whole number')
    .min(1, 'STOWAGE_COPY_CONCURRENCY is at least 1')
    .max(64, 'STOWAGE_COPY_CONCURRENCY is at most 64')
    .default(DEFAULT_COPY_CONCURRENCY),
  STOWAGE_MULTIPART_COPY_THRESHOLD_MIB: z.coerce
    .number({ message: 'STOWAGE_MULTIPART_COPY_THRESHOLD_MIB must be a number of MiB' })
    .int('STOWAGE_MULTIPART_COPY_THRESHOLD_MIB must be a whole number of MiB')
    .min(5, "STOWAGE_MULTIPART_COPY_THRESHOLD_MIB is at least 5 (S3's smallest part)")
    .max(
      MAX_COPY_OBJECT_BYTES / 1024 ** 2,
      `STOWAGE_MULTIPART_COPY_THRESHOLD_MIB is at most ${MAX_COPY_OBJECT_BYTES / 1024 ** 2} (5 GiB, S3's largest single copy)`,
    )
    .default(MAX_COPY_OBJECT_BYTES / 1024 ** 2),
  STOWAGE_BODY_TIMEOUT_SECONDS: z.coerce
    .number({ message: 'STOWAGE_BODY_TIMEOUT_SECONDS must be a number of seconds' })
    .int('STOWAGE_BODY_TIMEOUT_SECONDS must be a whole number of seconds')
    .min(1, 'STOWAGE_BODY_TIMEOUT_SECONDS is at least 1')
    .max(3600, 'STOWAGE_BODY_TIMEOUT_SECONDS is at most 3600 (an hour)')
    .default(DEFAULT_BODY_TIMEOUT_MS / 1000),
  STOWAGE_DRAIN_SECONDS: z.coerce
    .number({ message: 'STOWAGE_DRAIN_SECONDS must be a number of seconds' })
    .int('STOWAGE_DRAIN_SECONDS must be a whole number of seconds')
    .min(0, 'STOWAGE_DRAIN_SECONDS is at least 0')
    .max(3600, 'STOWAGE_DRAIN_SECONDS is at most 3600 (an hour)')
    .default(DEFAULT_DRAIN_SECONDS),
  STOWAGE_METRICS_TOKEN: z
    .string()
    .min(16, 'STOWAGE_METRICS_TOKEN must be at least 16 characters (e.g. openssl rand -hex 16)')
    .optional(),
  STOWAGE_MAX_UPLOAD_BYTES: z.coerce
    .number({ message: 'STOWAGE_MAX_UPLOAD_BYTES must be a number of bytes' })
    .int('STOWAGE_MAX_UPLOAD_BYTES must be a whole number of bytes')
    .positive('STOWAGE_MAX_UPLOAD_BYTES must be positive')
    .max(
      MAX_OBJECT_BYTES,
      `STOWAGE_MAX_UPLOAD_BYTES is at most ${MAX_OBJECT_BYTES} (5 TiB, S3's object limit)`,
    )
    .default(MAX_OBJECT_BYTES),
  STOWAGE_PROFILES_FILE: z.string().min(1).optional(),
  STOWAGE_PASSWORD_HASH: z.string().min(1).optional(),
  STOWAGE_AUTH: z.enum(['on', 'off'], { message: 'STOWAGE_AUTH must be on or off' }).optional(),
  STOWAGE_READ_ONLY: flag('STOWAGE_READ_ONLY'),
  /** The environment's profile is an admin's: may read the audit log (a file's `admin`). */
  STOWAGE_ADMIN: flag('STOWAGE_ADMIN'),
  /** `stdout`, an absolute file path, or both (`stdout,/path`): audit/README.md. */
  STOWAGE_AUDIT_LOG: z.string().min(1).optional(),
  STOWAGE_SESSION_SECRET: z
    .string()
    .min(32, 'STOWAGE_SESSION_SECRET must be at least 32 characters (e.g. openssl rand -hex 32)')
    .optional(),
  STOWAGE_SESSION_IDLE_MINUTES: minutes('STOWAGE_SESSION_IDLE_MINUTES', 60),
  STOWAGE_SESSION_MAX_HOURS: minutes('STOWAGE_SESSION_MAX_HOURS', 12),
  STOWAGE_SESSION_COOKIE_SECURE: z
    .enum(['auto', 'true', 'false'], {
      message: 'STOWAGE_SESSION_COOKIE_SECURE must be auto, true or false',
    })
    .default('auto'),
  STOWAGE_LOGIN_RATE_LIMIT: z.coerce
    .number({ message: 'STOWAGE_LOGIN_RATE_LIMIT must be a number of attempts' })
    .int('STOWAGE_LOGIN_RATE_LIMIT must be a whole number')
    .positive('STOWAGE_LOGIN_RATE_LIMIT must be positive')
    .default(10),
  STOWAGE_LOGIN_RATE_WINDOW_MINUTES: minutes('STOWAGE_LOGIN_RATE_WINDOW_MINUTES', 5),
  STOWAGE_ALLOWED_HOSTS: z.string().optional(),
  STOWAGE_PUBLIC_URL: z
    .url({
      protocol: /^https?$/,
      message:
        'STOWAGE_PUBLIC_URL must be the http(s) URL users open, e.g. https://stowage.example.com',
    })
    .optional(),
  STOWAGE_TRUST_PROXY: z.string().optional(),
  STOWAGE_API_RATE_LIMIT: z.coerce
    .number({ message: 'STOWAGE_API_RATE_LIMIT must be a number of requests per minute' })
    .int('STOWAGE_API_RATE_LIMIT must be a whole number')
    .min(0, 'STOWAGE_API_RATE_LIMIT must not be negative (0 = no limit)')
    .default(DEFAULT_API_RATE_LIMIT),
  STOWAGE_SOURCE_MAPS: flag('STOWAGE_SOURCE_MAPS'),
  // Several instances (README "Running several instances"): the shared state, and a name for
  // this one (the X-Stowage-Instance header and every log line).
  STOWAGE_REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, {
      message: 'STOWAGE_REDIS_URL must be a redis:// or rediss:// URL, e.g. redis://redis:6379/0',
    })
    .optional(),
  STOWAGE_INSTANCE_ID: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, {
      message: 'STOWAGE_INSTANCE_ID is 1-64 letters, digits, ".", "_" or "-"',
    })
    .optional(),
  // Share links (links/README.md): the signing secret and the longest link, for every profile…
  STOWAGE_LINK_SECRET: z
    .string()
    .min(32, 'STOWAGE_LINK_SECRET must be at least 32 characters (e.g. openssl rand -hex 32)')
    .optional(),
  STOWAGE_LINK_MAX_DAYS: z.coerce
    .number({ message: 'STOWAGE_LINK_MAX_DAYS must be a number of days' })
    .positive('STOWAGE_LINK_MAX_DAYS must be positive')
    .max(36_500, 'STOWAGE_LINK_MAX_DAYS is at most 36500 (a hundred years)')
    .default(DEFAULT_LINK_MAX_DAYS),
  // …and the environment's own profile's link settings (a profiles file's `links`).
  // Big uploads from the browser: parts through Stowage (relay) or straight to the store (direct).
  STOWAGE_UPLOAD_TRANSPORT: z
    .enum(['relay', 'direct'], { message: 'STOWAGE_UPLOAD_TRANSPORT must be relay or direct' })
    .optional(),
  // How an object's bytes reach the browser: through Stowage (relay) or a 302 to the store.
  STOWAGE_DOWNLOADS: z
    .enum(['relay', 'redirect'], { message: 'STOWAGE_DOWNLOADS must be relay or redirect' })
    .optional(),
  STOWAGE_LINK_MODE: z
    .enum(['direct', 'relay'], { message: 'STOWAGE_LINK_MODE must be direct or relay' })
    .optional(),
  STOWAGE_LINK_ACCESS_KEY_ID: z.string().min(1).optional(),
  STOWAGE_LINK_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  STOWAGE_LINK_BUCKET: BucketNameSchema.optional(),
  STOWAGE_LINK_PREFIX: z
    .string()
    .refine((s) => LinkPrefixSchema.safeParse(s).success, {
      message:
        'STOWAGE_LINK_PREFIX is a folder such as .stowage/links/: it ends with "/", and has no leading "/", no empty, "." or ".." folder',
    })
    .optional(),
});

/** The STOWAGE_LINK_* variables that make the environment's profile's `links` entry. */
export const PROFILE_LINK_VARIABLES = [
  'STOWAGE_LINK_MODE',
  'STOWAGE_LINK_ACCESS_KEY_ID',
  'STOWAGE_LINK_SECRET_ACCESS_KEY',
  'STOWAGE_LINK_BUCKET',
  'STOWAGE_LINK_PREFIX',
] as const;

export type Env = z.infer<typeof EnvSchema>;
