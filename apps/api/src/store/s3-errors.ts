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
