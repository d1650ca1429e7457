import { createHash, createHmac, timingSafeEqual, type BinaryLike } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { getCanonicalHeaders, SignatureV4 } from '@smithy/signature-v4';

/**
 * The pieces of a SigV4 check (embedded-auth.ts puts them together): reading the signed parts
 * of a request as it arrived, and computing its signature with the SDK's own canonical form.
 */

export const ALGORITHM = 'AWS4-HMAC-SHA256';

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

export interface SignedRequest {
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
export async function signatureMatches(
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

export const single = (v: string | string[] | undefined) => (Array.isArray(v) ? undefined : v);

/** `yyyyMMddTHHmmssZ` → epoch ms, or NaN. */
export function parseAmzDate(value: string | undefined): number {
  const m = value && /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return NaN;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, ...number[]];
  const ms = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
  const back = new Date(ms);
  return back.getUTCDate() === d && back.getUTCMonth() === mo! - 1 ? ms : NaN;
}

export interface Credential {
  accessKeyId: string;
  date: string;
  region: string;
}

/** `AKID/yyyyMMdd/region/s3/aws4_request` (read from the right: the key id is the rest). */
export function parseCredential(value: string): Credential | string {
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
export function headerValue(req: IncomingMessage, name: string): string | undefined {
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
export function parseSignedHeaders(value: string): string[] | undefined {
  const names = value.split(';');
  const sorted = [...names].sort();
  const ok =
    names.every((n, i) => n !== '' && n === n.toLowerCase() && n === sorted[i]) &&
    new Set(names).size === names.length &&
    names.includes('host');
  return ok ? names : undefined;
}

/** An x-amz-* header that arrived unsigned could change what a signed request does. */
export function unsignedAmzHeader(req: IncomingMessage, signed: string[]) {
  return Object.keys(req.headers).find((h) => h.startsWith('x-amz-') && !signed.includes(h));
}
