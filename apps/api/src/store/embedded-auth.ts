import { createHash, createHmac, timingSafeEqual, type BinaryLike } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { getCanonicalHeaders, SignatureV4 } from '@smithy/signature-v4';

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

const ALGORITHM = 'AWS4-HMAC-SHA256';
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

/** node:crypto's SHA-256 (and HMAC-SHA-256) in the shape the SDK's signer hashes with. */
class NodeSha256 {
  private hash: ReturnType<typeof createHash> | ReturnType<typeof createHmac>;
  private readonly secret: BinaryLike | undefined;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.secret =
      secret instanceof ArrayBuffer
        ? Buffer.from(secret)
        : ArrayBuffer.isView(secret)
          ? Buffer.from(secret.buffer, secret.byteOffset, secret.byteLength)
          : secret;
    this.hash = this.fresh();
  }
  private fresh() {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', this.secret);
  }
  update(data: string | Uint8Array) {
    this.hash.update(data);
  }
  digest() {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
  reset() {
    this.hash = this.fresh();
  }
}

type SignableRequest = Parameters<SignatureV4['presign']>[0];
type HeaderBag = ReturnType<typeof getCanonicalHeaders>;

/** The SDK's signer, opened up for its canonical request and string to sign. */
class CanonicalForm extends SignatureV4 {
  constructor() {
    // S3 signs the path as sent (no second encoding, no normalisation): uriEscapePath false.
    // Its credentials and region are never used: signatureMatches() derives the key itself.
    super({
      service: 's3',
      region: 'us-east-1',
      credentials: { accessKeyId: '', secretAccessKey: '' },
      sha256: NodeSha256,
      uriEscapePath: false,
      applyChecksum: false,
    });
  }
  stringToSign(
    request: SignableRequest,
    headers: HeaderBag,
    payloadHash: string,
    date: string,
    scope: string,
  ) {
    const canonical = this.createCanonicalRequest(request, headers, payloadHash);
    return this.createStringToSign(date, scope, canonical, ALGORITHM);
  }
}
const canonicalForm = new CanonicalForm();

const hmac = (key: BinaryLike, data: string) => createHmac('sha256', key).update(data).digest();

interface SignedRequest {
  req: IncomingMessage;
  /** The raw path, as received. */
  path: string;
  query: Record<string, string | string[]>;
  /** The SignedHeaders names. */
  signed: string[];
  payloadHash: string;
  /** x-amz-date (header) or X-Amz-Date (presigned URL). */
  amzDate: string;
}

/**
 * Whether `given` is the request's signature: the SDK's string to sign, signed with the key
 * derived from the secret for the credential's date and region (service s3), compared in
 * constant time.
 */
async function signatureMatches(
  r: SignedRequest,
  credential: Credential,
  secret: string,
  given: string,
) {
  const scope = `${credential.date}/${credential.region}/s3/aws4_request`;
  const request = { method: r.req.method ?? 'GET', path: r.path, query: r.query, headers: {} };
  const stringToSign = await canonicalForm.stringToSign(
    request as SignableRequest,
    signedHeaderBag(r.req, r.signed),
    r.payloadHash,
    r.amzDate,
    scope,
  );
  const key = hmac(
    hmac(hmac(hmac(`AWS4${secret}`, credential.date), credential.region), 's3'),
    'aws4_request',
  );
  const expected = Buffer.from(createHmac('sha256', key).update(stringToSign).digest('hex'));
  const provided = Buffer.from(given);
  return expected.length === provided.length && timingSafeEqual(expected, provided);
}

/**
 * The query as the client signed it: each name and value percent-decoded from the raw URL
 * (not URLSearchParams, which would read `+` as a space), repeated names kept. Undefined when
 * an escape is malformed.
 */
export function parseRawQuery(search: string): Record<string, string | string[]> | undefined {
  const query: Record<string, string | string[]> = Object.create(null) as Record<string, string[]>;
  if (!search) return query;
  try {
    for (const pair of search.split('&')) {
      if (pair === '') continue;
      const at = pair.indexOf('=');
      const name = decodeURIComponent(at === -1 ? pair : pair.slice(0, at));
      const value = at === -1 ? '' : decodeURIComponent(pair.slice(at + 1));
      const seen = query[name];
      query[name] = seen === undefined ? value : [seen, value].flat();
    }
  } catch {
    return undefined;
  }
  return query;
}

const single = (v: string | string[] | undefined) => (Array.isArray(v) ? undefined : v);

/** `yyyyMMddTHHmmssZ` → epoch ms, or NaN. */
export function parseAmzDate(value: string | undefined): number {
  const m = value && /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return NaN;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, ...number[]];
  const ms = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
  const back = new Date(ms);
  return back.getUTCDate() === d && back.getUTCMonth() === mo! - 1 ? ms : NaN;
}

interface Credential {
  accessKeyId: string;
  date: string;
  region: string;
}

/** `AKID/yyyyMMdd/region/s3/aws4_request` (read from the right: the key id is the rest). */
function parseCredential(value: string): Credential | string {
  const parts = value.split('/');
  if (parts.length < 5) return 'the Credential is not of the form KEY/DATE/REGION/s3/aws4_request';
  const [date, region, service, terminator] = parts.slice(-4) as [string, string, string, string];
  const accessKeyId = parts.slice(0, -4).join('/');
  if (!accessKeyId || !/^\d{8}$/.test(date) || !region) {
    return 'the Credential is not of the form KEY/DATE/REGION/s3/aws4_request';
  }
  if (service !== 's3') return `incorrect service "${service}". This endpoint belongs to "s3".`;
  if (terminator !== 'aws4_request')
    return `incorrect terminal "${terminator}". This endpoint uses "aws4_request".`;
  return { accessKeyId, date, region };
}

/** The values of one header as the client sent them, repeated ones joined by commas. */
function headerValue(req: IncomingMessage, name: string): string | undefined {
  return req.headersDistinct[name]?.join(',');
}

/** Every header the client signed (and only those), whatever the SDK would leave out. */
function signedHeaderBag(req: IncomingMessage, names: string[]) {
  const headers: Record<string, string> = {};
  for (const name of names) {
    const value = headerValue(req, name);
    if (value !== undefined) headers[name] = value;
  }
  return getCanonicalHeaders({ headers } as SignableRequest, undefined, new Set(names));
}

/** SignedHeaders: lower-case names, `;`-separated, sorted; host among them. */
function parseSignedHeaders(value: string): string[] | undefined {
  const names = value.split(';');
  const sorted = [...names].sort();
  const ok =
    names.every((n, i) => n !== '' && n === n.toLowerCase() && n === sorted[i]) &&
    new Set(names).size === names.length &&
    names.includes('host');
  return ok ? names : undefined;
}

/** An x-amz-* header that arrived unsigned could change what a signed request does. */
function unsignedAmzHeader(req: IncomingMessage, signed: string[]) {
  return Object.keys(req.headers).find((h) => h.startsWith('x-amz-') && !signed.includes(h));
}

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
