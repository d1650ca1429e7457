import type { IncomingMessage } from 'node:http';
import {
  ALGORITHM,
  headerValue,
  parseAmzDate,
  parseCredential,
  parseRawQuery,
  parseSignedHeaders,
  signatureMatches,
  single,
  unsignedAmzHeader,
} from './embedded-sigv4.js';

/**
 * The embedded store's door: AWS Signature Version 4, checked in its child process before
 * s3rver sees a request (s3rver itself checks no SigV4 signature and lets anonymous requests
 * through). Accepted: an `Authorization: AWS4-HMAC-SHA256 …` header, or a presigned URL
 * (`X-Amz-Algorithm=AWS4-HMAC-SHA256&…`), made with the store's one key pair. Everything else
 * is answered with S3's own error, as AWS S3 would word it.
 *
 * The canonical request is built by the SDK's own signer (@smithy/signature-v4) from the
 * request exactly as it arrived: the raw path (S3 signs it as sent), the query decoded from the
 * raw URL, only the headers the client signed. Not checked: that the body matches the
 * x-amz-content-sha256 it was signed with (a captured request could be replayed with another
 * body within the 15 minutes a signature is valid), nor aws-chunked chunk signatures.
 */

export interface StoreKeys {
  accessKeyId: string;
  secretAccessKey: string;
}

/** A refusal, as the error document S3 answers it with. */
export interface Refusal {
  status: number;
  code: string;
  message: string;
}

export type Verdict = { ok: true; accessKeyId: string } | ({ ok: false } & Refusal);

const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
/** How far a header-signed request's x-amz-date may be from the store's clock. */
export const MAX_SKEW_MS = 15 * 60_000;
/** The longest a presigned URL may be valid (S3's limit, one week). */
export const MAX_PRESIGNED_SECONDS = 604_800;

const refuse = (status: number, code: string, message: string): Verdict => ({
  ok: false,
  status,
  code,
  message,
});
const accessDenied = (message = 'Access Denied') => refuse(403, 'AccessDenied', message);
const malformedHeader = (message: string) =>
  refuse(400, 'AuthorizationHeaderMalformed', `The authorization header is malformed; ${message}`);
const malformedQuery = (message: string) =>
  refuse(400, 'AuthorizationQueryParametersError', message);
const NOT_SIGNED = refuse(
  403,
  'SignatureDoesNotMatch',
  'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
);
const UNKNOWN_KEY = refuse(
  403,
  'InvalidAccessKeyId',
  'The AWS Access Key Id you provided does not exist in our records.',
);
const SIGV2 = refuse(
  400,
  'InvalidRequest',
  'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.',
);

/**
 * Checks one request. `secretFor` gives the secret of an access key id the store knows, or
 * undefined; `now` is the store's clock (ms).
 */
export async function verifyRequest(
  req: IncomingMessage,
  secretFor: (accessKeyId: string) => string | undefined,
  now = Date.now(),
): Promise<Verdict> {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  const query = parseRawQuery(q === -1 ? '' : url.slice(q + 1));
  if (!query) return refuse(400, 'InvalidURI', "Couldn't parse the specified URI.");
  const authorization = headerValue(req, 'authorization');
  const presigned = 'X-Amz-Algorithm' in query || 'X-Amz-Signature' in query;
  const presignedV2 = 'Signature' in query || 'AWSAccessKeyId' in query;

  if ([authorization !== undefined, presigned, presignedV2].filter(Boolean).length > 1) {
    return refuse(
      400,
      'InvalidArgument',
      'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified',
    );
  }
  if (authorization !== undefined) {
    return verifyHeader(req, path, query, authorization, secretFor, now);
  }
  if (presigned) return verifyPresigned(req, path, query, secretFor, now);
  if (presignedV2) return SIGV2;
  return accessDenied();
}

async function verifyHeader(
  req: IncomingMessage,
  path: string,
  query: Record<string, string | string[]>,
  authorization: string,
  secretFor: (accessKeyId: string) => string | undefined,
  now: number,
): Promise<Verdict> {
  const space = authorization.indexOf(' ');
  const scheme = space === -1 ? authorization : authorization.slice(0, space);
  if (scheme === 'AWS') return SIGV2;
  if (scheme !== ALGORITHM) {
    return refuse(400, 'InvalidArgument', 'Unsupported Authorization Type');
  }
  const fields = new Map<string, string>();
  for (const part of authorization.slice(space + 1).split(',')) {
    const at = part.indexOf('=');
    if (at !== -1) fields.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  const credentialField = fields.get('Credential');
  const signedField = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!credentialField || !signedField || !signature) {
    return malformedHeader(
      'the authorization header requires three components: Credential, SignedHeaders, and Signature.',
    );
  }
  const credential = parseCredential(credentialField);
  if (typeof credential === 'string') return malformedHeader(credential);
  const signed = parseSignedHeaders(signedField);
  if (!signed)
    return malformedHeader('SignedHeaders must be sorted lower-case names, host among them.');

  const amzDate = headerValue(req, 'x-amz-date');
  const time = parseAmzDate(amzDate);
  if (Number.isNaN(time)) {
    return accessDenied('AWS authentication requires a valid Date or x-amz-date header');
  }
  if (credential.date !== amzDate!.slice(0, 8)) {
    return malformedHeader('Invalid credential date. Date is not the same as X-Amz-Date.');
  }
  const payloadHash = headerValue(req, 'x-amz-content-sha256');
  if (payloadHash === undefined) {
    return refuse(
      400,
      'InvalidRequest',
      'Missing required header for this request: x-amz-content-sha256',
    );
  }
  if (!/^([0-9a-f]{64}|UNSIGNED-PAYLOAD|STREAMING-[A-Z0-9-]+)$/.test(payloadHash)) {
    return refuse(
      400,
      'InvalidArgument',
      'x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, or a valid sha256 value.',
    );
  }
  const secret = secretFor(credential.accessKeyId);
  if (secret === undefined) return UNKNOWN_KEY;
  if (Math.abs(now - time) > MAX_SKEW_MS) {
    return refuse(
      403,
      'RequestTimeTooSkewed',
      'The difference between the request time and the current time is too large.',
    );
  }
  if (unsignedAmzHeader(req, signed)) {
    return accessDenied('There were headers present in the request which were not signed');
  }
  const request = { req, path, query, signed, payloadHash, amzDate: amzDate! };
  return (await signatureMatches(request, credential, secret, signature))
    ? { ok: true, accessKeyId: credential.accessKeyId }
    : NOT_SIGNED;
}

async function verifyPresigned(
  req: IncomingMessage,
  path: string,
  query: Record<string, string | string[]>,
  secretFor: (accessKeyId: string) => string | undefined,
  now: number,
): Promise<Verdict> {
  if (single(query['X-Amz-Algorithm']) !== ALGORITHM) {
    return malformedQuery('X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"');
  }
  const credentialField = single(query['X-Amz-Credential']);
  const amzDate = single(query['X-Amz-Date']);
  const expiresField = single(query['X-Amz-Expires']);
  const signedField = single(query['X-Amz-SignedHeaders']);
  const signature = single(query['X-Amz-Signature']);
  if (!credentialField || !amzDate || !expiresField || !signedField || !signature) {
    return malformedQuery(
      'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.',
    );
  }
  const credential = parseCredential(credentialField);
  if (typeof credential === 'string')
    return malformedQuery(`Error parsing the X-Amz-Credential parameter; ${credential}`);
  const time = parseAmzDate(amzDate);
  if (Number.isNaN(time)) {
    return malformedQuery("X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"");
  }
  if (credential.date !== amzDate.slice(0, 8)) {
    return malformedQuery('Invalid credential date. Date is not the same as X-Amz-Date.');
  }
  if (!/^\d+$/.test(expiresField) || Number(expiresField) < 1) {
    return malformedQuery('X-Amz-Expires must be a whole number of seconds, at least 1');
  }
  const expires = Number(expiresField);
  if (expires > MAX_PRESIGNED_SECONDS) {
    return malformedQuery(
      'X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than 604800 seconds',
    );
  }
  const signed = parseSignedHeaders(signedField);
  if (!signed)
    return malformedQuery('X-Amz-SignedHeaders must be sorted lower-case names, host among them.');
  const secret = secretFor(credential.accessKeyId);
  if (secret === undefined) return UNKNOWN_KEY;
  if (now > time + expires * 1000) return accessDenied('Request has expired');
  if (time - now > MAX_SKEW_MS) return accessDenied('Request is not valid yet');
  if (unsignedAmzHeader(req, signed)) {
    return accessDenied('There were headers present in the request which were not signed');
  }
  const request = { req, path, query, signed, payloadHash: UNSIGNED_PAYLOAD, amzDate };
  return (await signatureMatches(request, credential, secret, signature))
    ? { ok: true, accessKeyId: credential.accessKeyId }
    : NOT_SIGNED;
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** S3's error document for a refusal. */
export function errorDocument({ code, message }: Refusal): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Error><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error>`
  );
}
