import type { ErrorCode } from '@stowage/shared';
import { HttpError } from '../errors.js';

/**
 * The one place where S3 and network failures become HTTP answers, by error name or code,
 * never by message text. Messages name the store's endpoint and never hold a secret.
 */
const NOT_FOUND: Record<string, [ErrorCode, string]> = {
  NoSuchBucket: ['NoSuchBucket', 'The bucket does not exist'],
  NoSuchKey: ['NoSuchKey', 'The object does not exist'],
  NotFound: ['NoSuchKey', 'The object does not exist'],
  NoSuchUpload: ['NoSuchUpload', 'The upload does not exist: it was completed or aborted already'],
  NoSuchVersion: ['NoSuchVersion', 'The object has no such version'],
};
/** Bucket administration's conflicts (s3-buckets.ts). */
const CONFLICT: Record<string, [ErrorCode, string]> = {
  BucketAlreadyExists: [
    'BucketExists',
    'A bucket by that name exists already (it may be another owner’s)',
  ],
  BucketAlreadyOwnedByYou: ['BucketExists', 'You own a bucket by that name already'],
  BucketNotEmpty: ['BucketNotEmpty', 'The store says the bucket is not empty: empty it first'],
};
/**
 * A bucket setting never configured: the settings routes answer 404 NotConfigured (tags: an
 * empty TagSet, s3-bucket-settings.ts).
 */
const NOT_CONFIGURED: Record<string, string> = {
  NoSuchLifecycleConfiguration: 'The bucket has no lifecycle configuration',
  NoSuchCORSConfiguration: 'The bucket has no CORS configuration',
  NoSuchBucketPolicy: 'The bucket has no policy',
  NoSuchTagSet: 'The bucket has no tags',
  ServerSideEncryptionConfigurationNotFoundError: 'The bucket has no default encryption',
  ObjectLockConfigurationNotFoundError: 'The bucket has no object lock configuration',
};
/** The answer to a conditional write that lost a race (If-Match / 412), ours or the store's. */
export const OBJECT_CHANGED = 'The object changed since you opened it; reload and try again';
/** Input the store itself refused; our schemas check S3's rules first, so these are rare. */
const REFUSED_INPUT: Record<string, string> = {
  InvalidTag: 'the tags',
  MalformedXML: 'the request',
  MetadataTooLarge: 'the metadata',
  KeyTooLongError: 'the key',
  InvalidArgument: 'an argument',
  InvalidBucketName: 'the bucket name',
  InvalidLocationConstraint: 'the region',
  IllegalLocationConstraintException: 'the region',
  MalformedPolicy: 'the policy',
  BadDigest: 'the part: its Content-MD5 does not match the bytes sent',
  InvalidDigest: 'the Content-MD5 (not the base64 MD5 of 16 bytes)',
  InvalidPart: 'the parts: one is missing or its ETag does not match',
  InvalidPartOrder: 'the parts: not in ascending order',
  EntityTooSmall: 'the parts: each but the last must be at least 5 MiB',
};
/** A request the store does not implement (s3rver: UploadPartCopy 501, ListMultipartUploads 501). */
const UNSUPPORTED = new Set(['NotImplemented', 'MethodNotAllowed']);
const REFUSED = new Set([
  'AccessDenied',
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'Forbidden',
  'InvalidToken',
  'ExpiredToken',
]);
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'EPIPE',
  'RequestTimeout',
  'AbortError',
  'UND_ERR_SOCKET',
]);
/** Node's TLS verification failures: why the store's certificate is not trusted. */
const UNTRUSTED_CERT: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'it is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'it is issued by a CA that is not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its issuer is not a trusted CA',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'its issuer is not a trusted CA',
  UNABLE_TO_GET_ISSUER_CERT: 'its issuer is not a trusted CA',
  CERT_HAS_EXPIRED: 'it has expired',
  CERT_NOT_YET_VALID: 'it is not valid yet',
  CERT_SIGNATURE_FAILURE: 'its signature is invalid',
  CERT_REVOKED: 'it has been revoked',
  ERR_TLS_CERT_ALTNAME_INVALID: 'it does not name this host',
};
/** A store asking us to slow down (S3's 503 SlowDown and its cousins), after our retries. */
const THROTTLED = new Set([
  'SlowDown',
  'ServiceUnavailable',
  'Throttling',
  'ThrottlingException',
  'RequestThrottled',
  'TooManyRequests',
  'TooManyRequestsException',
]);

interface SdkErrorLike {
  name?: string;
  code?: string;
  Code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number; attempts?: number };
  $response?: { statusCode?: number };
}

/** The timeouts a timeout message names (StoreConfig's). */
export interface StoreTimeouts {
  connectTimeoutMs: number;
  requestTimeoutMs: number;
}

/**
 * One of our own timeouts ran out: the connect or idle timeout (no code) or the request
 * timeout (ETIMEDOUT). The SDK's handler also renames ECONNRESET, ECONNREFUSED and EPIPE
 * "TimeoutError"; those are network failures, not timeouts. Timeouts are not retried
 * (s3-retry.ts).
 */
export function isOwnTimeout(err: unknown): boolean {
  const e = (err ?? {}) as { name?: string; code?: string };
  return e.name === 'TimeoutError' && (e.code === undefined || e.code === 'ETIMEDOUT');
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

export function mapS3Error(err: unknown, endpoint: string, timeouts?: StoreTimeouts): HttpError {
  if (err instanceof HttpError) return err;
  const e = (typeof err === 'object' && err !== null ? err : {}) as SdkErrorLike;
  const name = e.Code ?? e.name ?? '';
  const code = e.code ?? '';
  const status = e.$metadata?.httpStatusCode ?? e.$response?.statusCode;
  // Kept on the error: the capability probes read which kind of "no" the store said.
  const store = { name: e.Code ?? (causeCode(err) || code || e.name || ''), status };
  const fail = (
    errorCode: ErrorCode,
    message: string,
    options: { headers?: Record<string, string>; status?: number } = {},
  ) => new HttpError(errorCode, message, { ...options, store });

  const notConfigured = NOT_CONFIGURED[name];
  if (notConfigured) return fail('NotConfigured', notConfigured);
  const notFound = NOT_FOUND[name];
  if (notFound) return fail(...notFound);
  const conflict = CONFLICT[name];
  if (conflict) return fail(...conflict);
  if (REFUSED.has(name) || status === 403) {
    return fail(
      'StoreRefused',
      `The store at ${endpoint} refused the credentials (${name || 403})`,
    );
  }
  if (name === 'InvalidRange' || status === 416) {
    return fail('RangeNotSatisfiable', 'The requested range is outside the object');
  }
  // A HEAD's 412 has no body, so the SDK names it "Unknown": the status decides.
  if (name === 'PreconditionFailed' || status === 412) {
    return fail('ObjectChanged', OBJECT_CHANGED);
  }
  if (UNSUPPORTED.has(name) || status === 501 || status === 405) {
    return fail(
      'NotSupported',
      `The store at ${endpoint} does not implement this request (${name || status})`,
    );
  }
  if (name === 'EntityTooLarge') {
    return fail(
      'PayloadTooLarge',
      `The store at ${endpoint} refused the object as too large (${name})`,
    );
  }
  const refused = REFUSED_INPUT[name];
  if (refused) {
    // The store's own words say which part (a policy's bad action…); S3 messages hold no secret.
    const said = storeMessage(e, name);
    return fail(
      'StoreRejectedInput',
      `The store at ${endpoint} refused ${refused} (${name}${said ? `: ${said}` : ''})`,
    );
  }
  const untrusted = UNTRUSTED_CERT[code] ?? UNTRUSTED_CERT[causeCode(err)];
  if (untrusted) {
    return fail(
      'StoreUnavailable',
      `The TLS certificate of the store at ${endpoint} is not trusted: ${untrusted} ` +
        `(${code || causeCode(err)}). Set AWS_CA_BUNDLE to a PEM file holding the store's CA ` +
        'certificate, or, as a last resort, STOWAGE_S3_TLS_VERIFY=false.',
    );
  }
  if (isOwnTimeout(err)) {
    const within = timeouts
      ? code === 'ETIMEDOUT'
        ? ` within ${seconds(timeouts.requestTimeoutMs)}`
        : ` in time (no connection within ${seconds(timeouts.connectTimeoutMs)}, ` +
          `or no data for ${seconds(timeouts.requestTimeoutMs)})`
      : ' in time';
    return fail('StoreTimeout', `The store at ${endpoint} did not answer${within}`);
  }
  if (THROTTLED.has(name) || status === 503 || status === 429) {
    const tries = e.$metadata?.attempts;
    return fail(
      'StoreBusy',
      `The store at ${endpoint} is busy and asks to slow down (${name || status})` +
        (tries && tries > 1 ? `; it still refused after ${tries} attempts` : '') +
        '. Try again in a moment.',
      { headers: { 'retry-after': '1' } },
    );
  }
  if (UNREACHABLE.has(code) || UNREACHABLE.has(name) || isNetworkError(err)) {
    const why = code || name;
    return fail('StoreUnavailable', `The store at ${endpoint} is unreachable (${why})`);
  }
  if (status === 404) return fail('NoSuchKey', 'Not found in the store');
  if (status !== undefined && status >= 400 && status < 500) {
    // The store's own 4xx, passed on with its status; a 400's own words say what it refused
    // (s3rver's InvalidRequest on a CORS origin with two wildcards).
    const words = status === 400 ? storeMessage(e, name) : '';
    const said = `The store at ${endpoint} answered ${name || status}${words ? `: ${words}` : ''}`;
    return fail('StoreRejected', said, { status });
  }
  if (status !== undefined && status >= 500) {
    return fail('StoreUnavailable', `The store at ${endpoint} failed (${name || status})`);
  }
  return fail(
    'StoreUnavailable',
    `The store at ${endpoint} could not be used (${name || 'unknown error'})`,
  );
}

/** The store's error message, when it said more than the error's name (a 400's <Message>). */
function storeMessage(e: SdkErrorLike, name: string): string {
  const message = (e.message ?? '').trim();
  if (!message || message === name || message === 'UnknownError') return '';
  return message.length > 300 ? `${message.slice(0, 300)}…` : message;
}

function causeCode(err: unknown): string {
  const cause = (err as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === 'string' ? cause.code : '';
}

function isNetworkError(err: unknown): boolean {
  return UNREACHABLE.has(causeCode(err));
}

/**
 * A request that named a version (`versionId`), answered with an error: what the store says of
 * a version it does not have, said of the version. Ceph RGW answers 404 NoSuchKey for an
 * unknown id and for a delete marker's; AWS 404 NoSuchVersion, or 400 InvalidArgument for an
 * id it cannot read, and 405 MethodNotAllowed (with `x-amz-delete-marker`) for a GET or HEAD of
 * a delete marker. A missing bucket, and every other failure, pass as they were mapped.
 */
export function versionError(err: unknown, versionId: string): unknown {
  if (!(err instanceof HttpError)) return err;
  const store = err.store;
  const shown = versionId.length > 80 ? `${versionId.slice(0, 80)}…` : versionId;
  if (
    err.code === 'NoSuchKey' ||
    err.code === 'NoSuchVersion' ||
    (store?.name === 'InvalidArgument' && store.status === 400)
  ) {
    return new HttpError(
      'NoSuchVersion',
      `The object has no version "${shown}" (or the object does not exist)`,
      { store },
    );
  }
  if (store?.status === 405 || store?.name === 'MethodNotAllowed') {
    return new HttpError(
      'BadRequest',
      `Version "${shown}" is a delete marker: it has no content, details or tags`,
      { store },
    );
  }
  return err;
}
