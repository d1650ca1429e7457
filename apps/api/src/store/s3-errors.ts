import { HttpError } from '../errors.js';

/**
 * The one place where S3 and network failures become HTTP answers, by error name or code,
 * never by message text. Messages name the store's endpoint and never hold a secret.
 */
const NOT_FOUND: Record<string, string> = {
  NoSuchBucket: 'The bucket does not exist',
  NoSuchKey: 'The object does not exist',
  NotFound: 'The object does not exist',
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
};
/** A request the store does not implement (s3rver: UploadPartCopy 501, AbortMultipartUpload 405). */
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
  'TimeoutError',
  'RequestTimeout',
  'AbortError',
  'UND_ERR_SOCKET',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
]);

interface SdkErrorLike {
  name?: string;
  code?: string;
  Code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  $response?: { statusCode?: number };
}

/** The store does not implement the request at all (as opposed to refusing this one). */
export function isUnsupportedError(err: unknown): boolean {
  const e = (typeof err === 'object' && err !== null ? err : {}) as SdkErrorLike;
  const status = e.$metadata?.httpStatusCode ?? e.$response?.statusCode;
  return UNSUPPORTED.has(e.Code ?? e.name ?? '') || status === 501 || status === 405;
}

export function mapS3Error(err: unknown, endpoint: string): HttpError {
  if (err instanceof HttpError) return err;
  const e = (typeof err === 'object' && err !== null ? err : {}) as SdkErrorLike;
  const name = e.Code ?? e.name ?? '';
  const code = e.code ?? '';
  const status = e.$metadata?.httpStatusCode ?? e.$response?.statusCode;

  const notFound = NOT_FOUND[name];
  if (notFound) return new HttpError(404, notFound);
  if (REFUSED.has(name) || status === 403) {
    return new HttpError(403, `The store at ${endpoint} refused the credentials (${name || 403})`);
  }
  if (name === 'InvalidRange' || status === 416) {
    return new HttpError(416, 'The requested range is outside the object');
  }
  // A HEAD's 412 has no body, so the SDK names it "Unknown": the status decides.
  if (name === 'PreconditionFailed' || status === 412) return new HttpError(409, OBJECT_CHANGED);
  if (UNSUPPORTED.has(name) || status === 501 || status === 405) {
    return new HttpError(
      502,
      `The store at ${endpoint} does not implement this request (${name || status})`,
    );
  }
  if (name === 'EntityTooLarge') {
    return new HttpError(413, `The store at ${endpoint} refused the object as too large (${name})`);
  }
  const refused = REFUSED_INPUT[name];
  if (refused) return new HttpError(400, `The store at ${endpoint} refused ${refused} (${name})`);
  if (UNREACHABLE.has(code) || UNREACHABLE.has(name) || isNetworkError(err)) {
    const why = code || name;
    return new HttpError(502, `The store at ${endpoint} is unreachable (${why})`);
  }
  if (status === 404) return new HttpError(404, 'Not found in the store');
  if (status !== undefined && status >= 400 && status < 500) {
    return new HttpError(status, `The store at ${endpoint} answered ${name || status}`);
  }
  if (status !== undefined && status >= 500) {
    return new HttpError(502, `The store at ${endpoint} failed (${name || status})`);
  }
  return new HttpError(
    502,
    `The store at ${endpoint} could not be used (${name || 'unknown error'})`,
  );
}

function isNetworkError(err: unknown): boolean {
  const cause = (err as { cause?: { code?: string } } | null)?.cause;
  return typeof cause?.code === 'string' && UNREACHABLE.has(cause.code);
}
