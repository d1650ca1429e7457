import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bucketSettingPath,
  multipartAbortPath,
  multipartCompletePath,
  multipartPath,
  multipartSignPath,
  type CreateMultipartResponse,
  type UploadTransport,
} from '@stowage/shared';
import { dropBucket } from '../bucket-admin.js';
import { storedSha } from '../fixtures.js';
import {
  build,
  createBucket,
  fixtureClient,
  onEmbedded,
  testSignature,
  testStoreConfig,
  type TestApp,
} from '../helper.js';

/**
 * Which transport the create answer offers (issue 22, README "Big uploads in the browser"): the
 * profile's uploadTransport, the connection's signature, and the bucket's CORS evaluated against
 * the page's origin (its Origin header) — on s3rver and Ceph RGW alike. Where direct is offered,
 * the store itself is asked too: its CORS preflight lets the page PUT with Content-MD5, and the
 * part PUT exposes ETag, so the answer is the one a browser would find.
 */

/** The page's origin: the origin the API is called at (inject's Host is localhost:80). */
const PAGE = 'http://localhost';
const s3 = fixtureClient();
let direct: TestApp;
let relayApp: TestApp;
let open: string;
let closed: string;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const md5 = (b: Buffer) => createHash('md5').update(b).digest('base64');

const corsFor = (origin: string, expose: string[] = ['ETag']) => ({
  CORSRules: [
    {
      AllowedOrigins: [origin],
      AllowedMethods: ['PUT'],
      AllowedHeaders: ['content-md5', 'content-type'],
      ExposeHeaders: expose,
      MaxAgeSeconds: 300,
    },
  ],
});

beforeAll(async () => {
  direct = await build({}, { profile: { uploadTransport: 'direct' } });
  relayApp = await build();
  open = await createBucket(direct, 'direct-cors');
  closed = await createBucket(direct, 'direct-none');
  const put = await direct.inject({
    method: 'PUT',
    url: bucketSettingPath(open, 'cors'),
    payload: corsFor(PAGE),
  });
  expect(put.statusCode, put.payload).toBe(200);
});
afterAll(async () => {
  await dropBucket(s3, open);
  await dropBucket(s3, closed);
  await direct.close();
  await relayApp.close();
});

async function create(a: TestApp, bucket: string, key: string, size = 9) {
  const res = await a.inject({
    method: 'POST',
    url: multipartPath(bucket),
    headers: { origin: PAGE },
    payload: { key, size },
  });
  expect(res.statusCode, res.payload).toBe(200);
  const made = res.json<CreateMultipartResponse>();
  // Not left behind (s3rver has no abort: its uploads go with the bucket).
  if (!onEmbedded) {
    await a.inject({ method: 'DELETE', url: multipartAbortPath(bucket, made.uploadId, key) });
  }
  return made;
}

describe('the transport the create answer offers', () => {
  it('a profile that says relay (the default): relay, whatever the CORS', async () => {
    const made = await create(relayApp, open, 'a.bin');
    expect(made.transport).toEqual<UploadTransport>({
      mode: 'relay',
      reason: 'profile',
      message: 'this profile sends parts through the Stowage server',
    });
  });

  it.runIf(testSignature === 'v4')(
    "direct: the bucket's CORS allows the page's origin to PUT with Content-MD5 and exposes ETag",
    async () => {
      const made = await create(direct, open, 'b.bin');
      expect(made.transport).toEqual<UploadTransport>({
        mode: 'direct',
        message: `the bucket's CORS lets ${PAGE} send parts to the store`,
      });
    },
  );

  it.runIf(testSignature === 'v4')(
    'relay when the bucket has no CORS, or not for this origin, or ETag not exposed',
    async () => {
      expect((await create(direct, closed, 'c.bin')).transport).toEqual({
        mode: 'relay',
        reason: 'cors',
        message: 'the bucket has no CORS configuration',
      });
      // A rule for another origin (the page is served at PAGE).
      const other = await direct.inject({
        method: 'PUT',
        url: bucketSettingPath(closed, 'cors'),
        payload: corsFor('https://elsewhere.test'),
      });
      expect(other.statusCode, other.payload).toBe(200);
      expect((await create(direct, closed, 'd.bin')).transport).toEqual({
        mode: 'relay',
        reason: 'cors',
        message: `the bucket's CORS does not allow PUT from ${PAGE} with content-md5`,
      });
      // A change made through Stowage shows at once (the cached read is forgotten).
      const put = await direct.inject({
        method: 'PUT',
        url: bucketSettingPath(closed, 'cors'),
        payload: corsFor(PAGE, ['x-amz-request-id']),
      });
      expect(put.statusCode, put.payload).toBe(200);
      expect((await create(direct, closed, 'f.bin')).transport).toEqual({
        mode: 'relay',
        reason: 'cors',
        message: "the bucket's CORS does not expose the ETag header",
      });
    },
  );

  it.runIf(testSignature === 'v4')(
    'where direct is offered the store agrees: preflight allowed, the part PUT exposes ETag, complete works',
    async () => {
      const key = 'big/direct-cors.bin';
      const body = randomBytes(9);
      const res = await direct.inject({
        method: 'POST',
        url: multipartPath(open),
        headers: { origin: PAGE },
        payload: { key, size: body.length },
      });
      expect(res.statusCode, res.payload).toBe(200);
      const made = res.json<CreateMultipartResponse>();
      expect(made.transport.mode).toBe('direct');
      const signed = await direct.inject({
        method: 'POST',
        url: multipartSignPath(open, made.uploadId, key),
        payload: { parts: [1] },
      });
      expect(signed.statusCode, signed.payload).toBe(200);
      const { url } = signed.json<{ urls: { url: string }[] }>().urls[0]!;
      // s3rver authenticates a preflight as the request it announces, and a presigned URL's
      // signature does not hold for OPTIONS (SignatureDoesNotMatch); S3 and Ceph RGW answer it
      // from the bucket's CORS alone, as a browser needs.
      if (!onEmbedded) {
        const preflight = await fetch(url, {
          method: 'OPTIONS',
          headers: {
            origin: PAGE,
            'access-control-request-method': 'PUT',
            'access-control-request-headers': 'content-md5',
          },
        });
        expect(preflight.status, await preflight.clone().text()).toBe(200);
        expect(preflight.headers.get('access-control-allow-origin')).toMatch(
          new RegExp(`^(\\*|${PAGE.replaceAll('.', '\\.')})$`),
        );
        expect(preflight.headers.get('access-control-allow-methods')).toMatch(/PUT/);
      }
      const put = await fetch(url, {
        method: 'PUT',
        body,
        headers: { origin: PAGE, 'content-md5': md5(body) },
      });
      expect(put.status, await put.clone().text()).toBe(200);
      expect(put.headers.get('access-control-expose-headers') ?? '').toMatch(/etag/i);
      const done = await direct.inject({
        method: 'POST',
        url: multipartCompletePath(open, made.uploadId, key),
        payload: { parts: [{ n: 1, etag: put.headers.get('etag')! }] },
      });
      expect(done.statusCode, done.payload).toBe(200);
      expect(await storedSha(s3, open, key)).toBe(sha256(body));
    },
  );

  it.runIf(testSignature === 'v4')(
    "the page's CSP lets it connect to the store where the profile says direct, and only there",
    async () => {
      const csp = async (a: TestApp) =>
        String(
          (await a.injectRaw({ method: 'GET', url: '/api/health' })).headers[
            'content-security-policy'
          ],
        );
      const store = new URL(testStoreConfig().endpoint!).origin;
      expect(await csp(direct)).toContain(`connect-src 'self' ${store}`);
      expect(await csp(relayApp)).toContain("connect-src 'self';");
    },
  );

  // s3rver takes SigV4 only; Ceph RGW both (the Ceph SigV2 suite runs this).
  it.runIf(testSignature === 'v2')(
    'a SigV2 connection: relay, saying why, even with a matching CORS rule',
    async () => {
      const made = await create(direct, open, 'g.bin');
      expect(made.transport).toEqual({
        mode: 'relay',
        reason: 'sigv2',
        message: 'the connection signs with SigV2; presigned part URLs need SigV4',
      });
    },
  );
});
