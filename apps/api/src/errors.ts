import { ERROR_STATUS, type ErrorCode } from '@stowage/shared';

/**
 * Typed errors. Services and routes throw these; the error-handler plugin turns every error into
 * the one JSON shape `{ statusCode, error, code, message, requestId }`. The status follows from
 * the code (packages/shared error-codes.ts), except where the store's own 4xx is passed on.
 */
export class HttpError extends Error {
  readonly statusCode: number;
  /** Headers the answer carries (Retry-After…). */
  readonly headers: Record<string, string>;
  /** What the store said, when this error maps one of its answers (s3-errors.ts). */
  readonly store: StoreAnswer | undefined;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: { headers?: Record<string, string>; status?: number; store?: StoreAnswer } = {},
  ) {
    super(message);
    this.name = 'HttpError';
    this.statusCode = options.status ?? ERROR_STATUS[code];
    this.headers = options.headers ?? {};
    this.store = options.store;
  }
}

/** A store's error answer: its S3 error name (or a network error's code) and HTTP status. */
export interface StoreAnswer {
  name: string;
  status: number | undefined;
}

export const badRequest = (message: string) => new HttpError('BadRequest', message);
export const unsafeKey = (message: string) => new HttpError('UnsafeKey', message);
export const forbidden = (
  code: 'CrossSiteRefused' | 'ReadOnly' | 'BucketNotAllowed',
  message: string,
) => new HttpError(code, message);
export const notFound = (message: string) => new HttpError('NotFound', message);
export const objectChanged = (message: string) => new HttpError('ObjectChanged', message);
export const payloadTooLarge = (message: string) => new HttpError('PayloadTooLarge', message);
export const notApplied = (message: string) => new HttpError('StoreNotApplied', message);
