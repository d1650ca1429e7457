import { createHmac } from 'node:crypto';
import type { S3Client, S3ClientConfig } from '@aws-sdk/client-s3';

/**
 * Legacy S3 request signing (AWS Signature Version 2) for stores that predate SigV4: header
 * auth `Authorization: AWS <key>:<base64 HMAC-SHA1>` over S3's canonical string. The SDK
 * signs only SigV4; createS3Client hands it this signer when the config asks for v2.
 *
 * The resource is signed exactly as it is sent: path-style `/bucket/key` with the SDK's own
 * URL encoding (Ceph RGW checks the request URI as received, so botocore, which signs a bucket
 * as `/bucket/` but sends `/bucket`, fails there). Virtual-hosted requests are refused by the
 * config.
 */

type SdkSigner = Exclude<NonNullable<S3ClientConfig['signer']>, (...args: never[]) => unknown>;
/** The SDK's HttpRequest as the signer receives it (path encoded as sent, query decoded). */
export type SignableRequest = Parameters<SdkSigner['sign']>[0];

/**
 * The query parameters S3 signs (S3's documented list, and Ceph RGW's). Not `encryption` nor
 * `object-lock`: Ceph RGW 16 leaves them out of the string it checks (measured: signed, both
 * GETs are refused SignatureDoesNotMatch; unsigned, they pass), and botocore's SigV2 does not
 * sign `encryption` either.
 */
export const SIGNED_SUBRESOURCES: ReadonlySet<string> = new Set([
  'acl',
  'cors',
  'delete',
  'lifecycle',
  'location',
  'logging',
  'notification',
  'partNumber',
  'policy',
  'policyStatus',
  'publicAccessBlock',
  'requestPayment',
  'response-cache-control',
  'response-content-disposition',
  'response-content-encoding',
  'response-content-language',
  'response-content-type',
  'response-expires',
  'tagging',
  'torrent',
  'uploadId',
  'uploads',
  'versionId',
  'versioning',
  'versions',
  'website',
]);

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Header lookup by any case: the SDK writes some names lowercased, some capitalised. */
function header(headers: Record<string, string>, name: string): string {
  const found = Object.keys(headers).filter((k) => k.toLowerCase() === name);
  return found.map((k) => (headers[k] ?? '').trim()).join(',');
}

/**
 * How a store reads `_` in x-amz-* header names: as sent (the spec; s3rver), or as `-`
 * (Ceph RGW 16, whose HTTP layer turns `x-amz-meta-owner_name` into `x-amz-meta-owner-name`
 * before it checks the signature; measured). Only a header name with `_` tells them apart.
 */
export type NameDialect = 'as-sent' | 'underscore-as-hyphen';

/** x-amz-* headers: lowercased, sorted, values trimmed (folds unfolded), repeats comma-joined. */
export function canonicalAmzHeaders(
  headers: Record<string, string>,
  dialect: NameDialect = 'as-sent',
): string {
  const amz = new Map<string, string[]>();
  for (const [name, value] of Object.entries(headers)) {
    let lower = name.toLowerCase();
    if (!lower.startsWith('x-amz-')) continue;
    if (dialect === 'underscore-as-hyphen') lower = lower.replaceAll('_', '-');
    const clean = String(value)
      .replace(/\s*\r?\n\s*/g, ' ')
      .trim();
    amz.set(lower, [...(amz.get(lower) ?? []), clean]);
  }
  return [...amz.keys()]
    .sort(byCodeUnit)
    .map((name) => `${name}:${(amz.get(name) ?? []).join(',')}\n`)
    .join('');
}

const NONE: ReadonlySet<string> = new Set();
/**
 * `object-lock` is signed by S3 and botocore, not by Ceph RGW 16 (measured: a signed
 * `?object-lock` is refused SignatureDoesNotMatch there, an unsigned one accepted).
 */
export const OBJECT_LOCK_UNSIGNED: ReadonlySet<string> = new Set(['object-lock']);

/**
 * The path as sent plus the signed sub-resources, sorted by name, with their values unencoded
 * (`?partNumber=2&uploadId=abc`, `?tagging`, `?delete`). Other parameters are not signed.
 */
export function canonicalResource(
  path: string,
  query: SignableRequest['query'] = {},
  unsigned: ReadonlySet<string> = NONE,
): string {
  const parts: string[] = [];
  for (const name of Object.keys(query).sort(byCodeUnit)) {
    if (!SIGNED_SUBRESOURCES.has(name) || unsigned.has(name)) continue;
    const raw = query[name];
    const values = Array.isArray(raw) ? raw : [raw];
    for (const v of values)
      parts.push(v === null || v === undefined || v === '' ? name : `${name}=${v}`);
  }
  return parts.length ? `${path}?${parts.join('&')}` : path;
}

/**
 * S3's StringToSign: VERB, Content-MD5, Content-Type, Date, the x-amz-* headers, the resource.
 * With an `x-amz-date` header the Date line is empty (the date is signed among the headers).
 */
export function stringToSign(
  request: SignableRequest,
  dialect: NameDialect = 'as-sent',
  unsigned: ReadonlySet<string> = NONE,
): string {
  const { headers } = request;
  const date = header(headers, 'x-amz-date') ? '' : header(headers, 'date');
  return [
    request.method.toUpperCase(),
    header(headers, 'content-md5'),
    header(headers, 'content-type'),
    date,
    canonicalAmzHeaders(headers, dialect) +
      canonicalResource(request.path, request.query, unsigned),
  ].join('\n');
}

/** base64(HMAC-SHA1(secret, UTF-8 of the string to sign)). */
export const signatureV2 = (secretAccessKey: string, toSign: string) =>
  createHmac('sha1', secretAccessKey).update(toSign, 'utf8').digest('base64');

export interface SigV2Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * The SDK addresses a bucket as `/bucket/`; it is sent (and signed) as `/bucket`, the one form
 * every SigV2 checker agrees on: Ceph RGW signs the path as received, s3rver always signs
 * `/bucket` (measured: `/bucket/` is refused there). Keys are untouched (`/bucket/dir/` stays).
 */
export const bucketPath = (path: string) => (/^\/[^/]+\/$/.test(path) ? path.slice(0, -1) : path);

/** The SDK's RequestSigner for SigV2; the SDK calls it for every attempt of every request. */
export class SigV2Signer implements SdkSigner {
  /** Learned from the store (see retrySigV2InOtherDialect); matters only for names with `_`. */
  dialect: NameDialect = 'as-sent';
  /** Learned too: whether the store signs `?object-lock` (S3 does, Ceph RGW 16 does not). */
  signsObjectLock = true;

  constructor(private readonly credentials: SigV2Credentials) {}

  sign(request: SignableRequest, options?: { signingDate?: Date }): Promise<SignableRequest> {
    // Keep the SDK's HttpRequest class (its clone()) and leave the caller's headers alone.
    const signed = Object.assign(Object.create(Object.getPrototypeOf(request) as object), request, {
      headers: { ...request.headers },
      path: bucketPath(request.path),
    }) as SignableRequest;
    for (const name of Object.keys(signed.headers)) {
      const lower = name.toLowerCase();
      if (lower === 'authorization' || lower === 'x-amz-date' || lower === 'date') {
        delete signed.headers[name];
      }
    }
    // Node sends no Date of its own; x-amz-date is the documented way for clients like it.
    signed.headers['x-amz-date'] = (options?.signingDate ?? new Date()).toUTCString();
    const signature = signatureV2(
      this.credentials.secretAccessKey,
      stringToSign(signed, this.dialect, this.signsObjectLock ? NONE : OBJECT_LOCK_UNSIGNED),
    );
    signed.headers.authorization = `AWS ${this.credentials.accessKeyId}:${signature}`;
    return Promise.resolve(signed);
  }
}

/** True when the request has an x-amz-* header whose name the two dialects read differently. */
export const hasDialectSensitiveHeader = (request: SignableRequest) =>
  Object.keys(request.headers).some((n) => /^x-amz-/i.test(n) && n.includes('_'));

const replayable = (body: unknown) =>
  body === undefined || body === null || typeof body === 'string' || body instanceof Uint8Array;

/**
 * A request with `_` in an x-amz-* header name that the store answers SignatureDoesNotMatch is
 * signed once more in the other name dialect; the dialect that works is kept for the client.
 * The same for a `?object-lock` request: signed once more with `object-lock` (un)signed.
 * Requests without such a header never retry, and a wrong secret fails both ways, as before.
 */
export function retrySigV2InOtherDialect(client: S3Client, signer: SigV2Signer): void {
  type Args = { input: object; request?: unknown };
  client.middlewareStack.addRelativeTo(
    <T>(next: (args: Args) => Promise<T>) =>
      async (args: Args): Promise<T> => {
        const request = args.request as SignableRequest;
        try {
          return await next(args);
        } catch (err) {
          const mismatch = (err as { name?: string }).name === 'SignatureDoesNotMatch';
          if (!mismatch || !replayable(request.body)) throw err;
          if (Object.hasOwn(request.query ?? {}, 'object-lock')) {
            signer.signsObjectLock = !signer.signsObjectLock;
            try {
              return await next(args);
            } catch (again) {
              signer.signsObjectLock = !signer.signsObjectLock;
              throw again;
            }
          }
          if (!hasDialectSensitiveHeader(request)) throw err;
          const tried = signer.dialect;
          signer.dialect = tried === 'as-sent' ? 'underscore-as-hyphen' : 'as-sent';
          try {
            return await next(args);
          } catch (again) {
            signer.dialect = tried;
            throw again;
          }
        }
      },
    {
      name: 'sigV2NameDialect',
      relation: 'before',
      toMiddleware: 'httpSigningMiddleware',
    },
  );
}
