/**
 * Every error the API answers has a stable `code`; its HTTP status follows from it. The web app
 * branches on the code, never on the status or the message. No zod here: the first screen
 * reads these.
 */
export const ERROR_STATUS = {
  /** The request itself is wrong: a field, a form, a URL (the message says which). */
  BadRequest: 400,
  /** A key this connection will not send to the store (climbs out of its bucket, …). */
  UnsafeKey: 400,
  /** The store refused what was sent as malformed (tags, metadata, an argument). */
  StoreRejectedInput: 400,
  /** The store refused the request with another 4xx: the answer carries the store's status. */
  StoreRejected: 400,
  /** A multipart upload id used with another bucket or key than it was created for. */
  UploadMismatch: 400,
  /** The request has no Content-Length (a relayed part must announce its length). */
  LengthRequired: 411,
  /** No session: sign in. */
  NotSignedIn: 401,
  /** The session ended (idle, expired, signed out, revoked): sign in again. */
  SessionEnded: 401,
  /** Sign-in: the store refused these keys. */
  KeysRefused: 401,
  /** Sign-in: the dashboard password is wrong (or a share link's password). */
  WrongPassword: 401,
  /** A state-changing request without the CSRF header, cross-site, or from another origin. */
  CrossSiteRefused: 403,
  /** This connection may only read. */
  ReadOnly: 403,
  /** This connection may not use that bucket (a profile's allowlist). */
  BucketNotAllowed: 403,
  /** Single sign-on: the provider's answer gives this person no role (or no such profile). */
  SsoNoRole: 403,
  /** Direct uploads (presigned UploadPart URLs) are not offered on this connection. */
  DirectUploadUnavailable: 403,
  /** The store refused the credentials for this (AccessDenied, a bucket policy…). */
  StoreRefused: 403,
  /** Identity passthrough: the store's STS refused the user's ID token for the role. */
  IdentityRefused: 403,
  /** Admins only (the audit log): the profile has no `admin: true`. */
  NotAdmin: 403,
  /** No such API route. */
  NotFound: 404,
  /** The bucket does not exist. */
  NoSuchBucket: 404,
  /** The object does not exist. */
  NoSuchKey: 404,
  /** The multipart upload does not exist (completed or aborted already). */
  NoSuchUpload: 404,
  /** The bucket has no such setting (no lifecycle, CORS, policy or encryption configured). */
  NotConfigured: 404,
  /** No audit file is configured (STOWAGE_AUDIT_LOG names none): nothing to read. */
  NoAuditFile: 404,
  /** A share link that is unknown, altered or revoked (no detail, on purpose). */
  LinkNotFound: 404,
  /** No such version of the object (or it was deleted permanently). */
  NoSuchVersion: 404,
  /** The request body stalled. */
  RequestTimeout: 408,
  /** The object changed since it was read (a conditional write lost). */
  ObjectChanged: 409,
  /** A copy, move or rename would replace an object and was told not to (conflict: fail). */
  DestinationExists: 409,
  /** A bucket by that name exists already (yours, or anyone's on a shared namespace). */
  BucketExists: 409,
  /** The bucket still holds objects (or versions, or unfinished uploads): empty it first. */
  BucketNotEmpty: 409,
  /** An undelete of a key whose current version is not a delete marker. */
  NotDeleted: 409,
  /** A share link past its expiry. */
  LinkExpired: 410,
  PayloadTooLarge: 413,
  UnsupportedMediaType: 415,
  RangeNotSatisfiable: 416,
  /** The Host header names another server (DNS rebinding protection). */
  MisdirectedHost: 421,
  /** Too many requests or sign-in attempts: Retry-After says when to try again. */
  TooManyRequests: 429,
  /** A bug: the log has the details under the request id. */
  Internal: 500,
  /** Single sign-on: the identity provider cannot be reached or answered wrongly. */
  SsoUnavailable: 502,
  /** The store has no object versioning (the capability probe says so): versions, restore… */
  VersioningUnsupported: 501,
  /** Identity passthrough: the store does not offer STS AssumeRoleWithWebIdentity. */
  StsUnsupported: 501,
  /**
   * This instance is restarting and its drain time ran out (STOWAGE_DRAIN_SECONDS): the request
   * was cut, an upload's parts removed. Sent again, it reaches an instance still running.
   */
  ServerRestarting: 503,
  /** The store does not implement this request. */
  NotSupported: 502,
  /** The store cannot be reached, or its certificate is not trusted, or it failed (5xx). */
  StoreUnavailable: 502,
  /** The store accepted a change but did not apply it as asked. */
  StoreNotApplied: 502,
  /** The store is busy and asks to slow down (after retries): try again in a moment. */
  StoreBusy: 503,
  /** The store did not answer in time. */
  StoreTimeout: 504,
  /**
   * Several instances: the Redis they share (STOWAGE_REDIS_URL) cannot be reached, so a
   * sign-in, which must be counted across instances, is refused for now.
   */
  SharedStateUnavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

/** The code for a status no code of ours was given for (Fastify's own answers). */
export function codeForStatus(status: number): ErrorCode {
  const byStatus: Record<number, ErrorCode> = {
    401: 'NotSignedIn',
    403: 'CrossSiteRefused',
    404: 'NotFound',
    408: 'RequestTimeout',
    413: 'PayloadTooLarge',
    415: 'UnsupportedMediaType',
    416: 'RangeNotSatisfiable',
    429: 'TooManyRequests',
  };
  return byStatus[status] ?? (status >= 500 ? 'Internal' : 'BadRequest');
}

/** The request id header every answer carries (the error body has it too). */
export const REQUEST_ID_HEADER = 'x-request-id';
