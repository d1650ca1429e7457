import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, createBucket, onEmbedded, q, testStoreConfig, type TestApp } from '../helper.js';
import { uploadForm } from '../multipart.js';
import { startRecordingProxy, type RecordingProxy, type SeenRequest } from '../recording-proxy.js';

// Whatever STOWAGE_TEST_SIGNATURE says, this file runs the dashboard on SigV2 through a
// recording proxy: what goes over the wire is SigV2, and the store checks it (Ceph RGW
// verifies SigV2 signatures sent with x-amz-date). The embedded store takes SigV4 only
// (embedded/embedded-auth.ts): there SigV2 is refused, and only that is tested.

const MiB = 1024 * 1024;
const { accessKeyId } = testStoreConfig();
let proxy: RecordingProxy;
let app: TestApp;
let bucket: string;

const upload = (key: string, file: Buffer, fields: Record<string, string> = {}) => {
  const form = uploadForm(file, fields);
  return app.inject({
    method: 'POST',
    url: `/api/buckets/${bucket}/upload?${q({ key })}`,
    headers: { 'content-type': form.contentType },
    payload: form.payload,
  });
};

const sigV2Header = new RegExp(`^AWS ${accessKeyId}:[A-Za-z0-9+/]{27}=$`);
const someRequest = (test: (r: SeenRequest) => boolean) => proxy.seen.some(test);

// The embedded store accepts SigV4 only (it refuses SigV2 below): these run on Ceph RGW.
const onSigV2Store = onEmbedded ? () => {} : describe;

onSigV2Store('SigV2 on the wire', () => {
  beforeAll(async () => {
    proxy = await startRecordingProxy(testStoreConfig().endpoint ?? '');
    app = await build({ endpoint: proxy.endpoint, signatureVersion: 'v2' });
    bucket = await createBucket(app, 'sigv2');
  });
  afterAll(async () => {
    await app.close();
    await proxy.close();
  });

  it('signs every request of every dashboard operation, and the store accepts each', async () => {
    const big = randomBytes(9 * MiB);
    const key = 'dir with space/ünïcode+plus.txt';
    const ok = [
      await app.inject('/api/buckets'),
      await upload(key, Buffer.from('0123456789'), { metadata: JSON.stringify({ owner: 'a' }) }),
      await upload('big.bin', big, { size: String(big.length) }),
      await upload('dir with space/b.txt', Buffer.from('b')),
    ];
    const page = { prefix: 'dir with space/', limit: 1 };
    ok.push(await app.inject(`/api/buckets/${bucket}/objects?${q(page)}`));
    // The next page at once (s3rver refuses a continuation token once the listing changed).
    const { nextCursor } = ok[4]?.json() as { nextCursor: string | null };
    expect(nextCursor).toEqual(expect.any(String));
    ok.push(
      await app.inject(
        `/api/buckets/${bucket}/objects?${q({ ...page, cursor: nextCursor ?? '' })}`,
      ),
      await app.inject(`/api/buckets/${bucket}/object?${q({ key })}`),
      await app.inject({
        url: `/api/buckets/${bucket}/object/content?${q({ key })}`,
        headers: { range: 'bytes=2-5' },
      }),
      await app.inject({
        method: 'PUT',
        url: `/api/buckets/${bucket}/object/tags?${q({ key })}`,
        payload: { tags: [{ key: 'k', value: 'v w' }] },
      }),
      await app.inject({
        method: 'PUT',
        url: `/api/buckets/${bucket}/object/metadata?${q({ key })}`,
        payload: { metadata: { owner: 'b' } },
      }),
    );
    // An edit over the copy threshold copies in parts (UploadPartCopy) where the store can.
    const tiny = await build({
      endpoint: proxy.endpoint,
      signatureVersion: 'v2',
      multipartCopyThresholdBytes: 5 * MiB,
    });
    ok.push(
      await tiny.inject({
        method: 'PUT',
        url: `/api/buckets/${bucket}/object/metadata?${q({ key: 'big.bin' })}`,
        payload: { metadata: { big: 'yes' } },
      }),
    );
    await tiny.close();
    ok.push(
      await app.inject({
        method: 'POST',
        url: `/api/buckets/${bucket}/delete`,
        payload: { keys: [key, 'dir with space/b.txt'] },
      }),
      await app.inject({
        method: 'DELETE',
        url: `/api/buckets/${bucket}/object?${q({ key: 'big.bin' })}`,
      }),
    );
    expect(ok.map((r) => r.statusCode)).toEqual([
      200, 200, 200, 200, 200, 200, 200, 206, 200, 200, 200, 200, 204,
    ]);
    expect(ok[10]?.json().size).toBe(big.length);
    expect(ok[11]?.json()).toEqual({ deleted: 2, errors: [] });

    // Every request the store saw was SigV2-signed, and none was refused.
    expect(proxy.seen.length).toBeGreaterThan(15);
    for (const r of proxy.seen) {
      expect(r.headers.authorization, `${r.method} ${r.url}`).toMatch(sigV2Header);
      expect(r.headers['x-amz-date'], `${r.method} ${r.url}`).toBeTruthy();
      expect(r.status, `${r.method} ${r.url}`).not.toBe(403);
    }
    // Bucket-level and object-level requests, with each sub-resource S3 signs.
    const at = (path: string) => (r: SeenRequest) => r.url.split('?')[0] === path;
    expect(someRequest((r) => r.method === 'GET' && r.url.startsWith('/?'))).toBe(true);
    expect(someRequest((r) => r.method === 'PUT' && at(`/${bucket}`)(r))).toBe(true);
    expect(
      someRequest((r) => /[?&]list-type=2/.test(r.url) && /continuation-token=/.test(r.url)),
    ).toBe(true);
    expect(someRequest((r) => r.method === 'POST' && /[?&]uploads(&|=|$)/.test(r.url))).toBe(true);
    expect(someRequest((r) => /partNumber=\d/.test(r.url) && /uploadId=/.test(r.url))).toBe(true);
    expect(someRequest((r) => r.method === 'POST' && /[?&]uploadId=/.test(r.url))).toBe(true);
    expect(someRequest((r) => r.method === 'GET' && /[?&]tagging/.test(r.url))).toBe(true);
    expect(someRequest((r) => r.method === 'PUT' && /[?&]tagging/.test(r.url))).toBe(true);
    expect(someRequest((r) => r.method === 'POST' && /[?&]delete(&|=|$)/.test(r.url))).toBe(true);
    expect(someRequest((r) => r.method === 'HEAD' && /%20/.test(r.url) && /%2B/.test(r.url))).toBe(
      true,
    );
    expect(someRequest((r) => r.headers.range === 'bytes=2-5')).toBe(true);
    expect(someRequest((r) => r.headers['x-amz-copy-source'] !== undefined)).toBe(true);
    // Ceph copies the 9 MiB object in two ranged parts (UploadPartCopy).
    expect(someRequest((r) => r.headers['x-amz-copy-source-range'] !== undefined)).toBe(true);
    // The SDK's SigV4 headers are gone: nothing claims a SigV4 payload hash.
    expect(someRequest((r) => r.headers['x-amz-content-sha256'] !== undefined)).toBe(false);
  });

  it('signs a metadata name with "_" the way the store reads it', async () => {
    const before = proxy.seen.length;
    const res = await upload('under.txt', Buffer.from('u'), {
      metadata: JSON.stringify({ owner_name: 'a' }),
    });
    expect(res.statusCode).toBe(200);
    const puts = proxy.seen
      .slice(before)
      .filter((r) => r.method === 'PUT' && r.headers['x-amz-meta-owner_name'] === 'a');
    // s3rver reads the name as sent; Ceph RGW 16 reads "_" as "-": a first SignatureDoesNotMatch,
    // then the other reading, which the client keeps.
    expect(puts.map((r) => r.status)).toEqual([403, 200]);
    const again = proxy.seen.length;
    expect(
      (await upload('under2.txt', Buffer.from('u'), { metadata: '{"a_b":"1"}' })).statusCode,
    ).toBe(200);
    const learned = proxy.seen.slice(again).filter((r) => r.headers['x-amz-meta-a_b'] === '1');
    expect(learned.map((r) => r.status)).toEqual([200]);
  });
});

/** The embedded store answers SigV2 with S3's InvalidRequest, whatever the keys. */
function expectSigV2Refused(res: { statusCode: number; json: () => { message: string } }) {
  expect(res.statusCode).toBe(400);
  expect(res.json().message).toBe(
    `The store at ${testStoreConfig().endpoint} answered InvalidRequest: The authorization ` +
      'mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.',
  );
}

describe('keys signed with SigV2, wrong and right', () => {
  it('is refused by the store with a clear 403 (the embedded store refuses SigV2 itself)', async () => {
    const wrong = await build({ signatureVersion: 'v2', secretAccessKey: 'not-the-secret' });
    const res = await wrong.inject('/api/buckets');
    await wrong.close();
    if (onEmbedded) expectSigV2Refused(res);
    else {
      expect(res.statusCode).toBe(403);
      expect(res.json().message).toMatch(
        /^The store at .+ refused the credentials \(SignatureDoesNotMatch\)$/,
      );
    }
  });

  it('is refused on SigV4 too', async () => {
    const wrong = await build({ signatureVersion: 'v4', secretAccessKey: 'not-the-secret' });
    const res = await wrong.inject('/api/buckets');
    await wrong.close();
    expect(res.statusCode).toBe(403);
  });

  it('signs the right keys with v2: Ceph takes them, the embedded store refuses SigV2', async () => {
    const v2 = await build({ signatureVersion: 'v2' }, { signIn: 'password' });
    const res = await v2.inject('/api/buckets');
    await v2.close();
    if (onEmbedded) expectSigV2Refused(res);
    else expect(res.statusCode).toBe(200);
  });
});
