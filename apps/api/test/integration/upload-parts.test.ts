import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  build,
  createBucket,
  fixtureClient,
  q,
  testSignature,
  testStoreConfig,
  type TestApp,
} from '../helper.js';
import { sdkCalls, sha256, storedSha } from '../fixtures.js';
import { socketChunks, uploadForm } from '../multipart.js';
import { startRecordingProxy, type RecordingProxy } from '../recording-proxy.js';

/**
 * The upload's own part driver (store/s3-upload.ts): part boundaries, reused part buffers, and
 * how object bodies are signed (payloadSigning), as the store sees them through a recording
 * proxy. The rest of the upload contract is upload-object.test.ts's.
 */
const MiB = 1024 * 1024;
const s3 = fixtureClient();
let bucket: string;
let proxy: RecordingProxy;
let signed: TestApp;
let unsigned: TestApp;

beforeAll(async () => {
  proxy = await startRecordingProxy(testStoreConfig().endpoint!);
  signed = await build({ endpoint: proxy.endpoint });
  unsigned = await build({ endpoint: proxy.endpoint, payloadSigning: 'unsigned' });
  bucket = await createBucket(signed, 'parts');
});
afterAll(async () => {
  await Promise.all([signed.close(), unsigned.close()]);
  await proxy.close();
});

/** The form arrives in 64 KiB chunks, as from a socket. */
const upload = (app: TestApp, key: string, file: Buffer) => {
  const form = uploadForm(file, { size: String(file.length) });
  return app.inject({
    method: 'POST',
    url: `/api/buckets/${bucket}/upload?${q({ key })}`,
    headers: { 'content-type': form.contentType },
    payload: socketChunks(form.payload),
  });
};

/** x-amz-content-sha256 of the PUTs of the object's bytes (PutObject, UploadPart) to `key`. */
const bodyHashes = (from: number, key: string) =>
  proxy.seen
    .slice(from)
    .filter((r) => r.method === 'PUT' && r.url.split('?')[0] === `/${bucket}/${key}`)
    .map((r) => r.headers['x-amz-content-sha256']);

describe('upload parts', () => {
  it('a file of exactly two parts is two UploadParts, no empty third, byte-identical', async () => {
    const file = randomBytes(16 * MiB);
    const calls = sdkCalls(signed.objectStore);
    const res = await upload(signed, 'p/two.bin', file);
    expect(res.statusCode).toBe(200);
    const parts = calls.filter((c) => c.command === 'UploadPart');
    expect(parts.map((c) => c.input.PartNumber)).toEqual([1, 2]);
    expect(calls.filter((c) => c.command === 'PutObject')).toHaveLength(0);
    expect(await storedSha(s3, bucket, 'p/two.bin')).toBe(sha256(file));
  });

  it('a file of exactly one part is one PutObject', async () => {
    const file = randomBytes(8 * MiB);
    const calls = sdkCalls(signed.objectStore);
    expect((await upload(signed, 'p/one.bin', file)).statusCode).toBe(200);
    expect(calls.map((c) => c.command).filter((c) => c !== 'HeadObject')).toEqual(['PutObject']);
    expect(await storedSha(s3, bucket, 'p/one.bin')).toBe(sha256(file));
  });

  it('reuses its part buffers: 10 parts through 5 buffers arrive whole', async () => {
    // The smallest budget (40 MiB) holds 4 parts in flight and one filling: each buffer is
    // filled again once its part is stored, twice over here.
    const tight = await build({ endpoint: proxy.endpoint }, { uploadBufferBytes: 40 * MiB });
    try {
      const file = randomBytes(76 * MiB + 7);
      const calls = sdkCalls(tight.objectStore);
      const res = await upload(tight, 'p/ten.bin', file);
      expect(res.statusCode).toBe(200);
      expect(res.json().size).toBe(file.length);
      expect(calls.filter((c) => c.command === 'UploadPart')).toHaveLength(10);
      expect(await storedSha(s3, bucket, 'p/ten.bin')).toBe(sha256(file));
    } finally {
      await tight.close();
    }
  });
});

describe('payloadSigning', () => {
  it('signed (the default over plain http): each body carries its SHA-256', async () => {
    const file = randomBytes(9 * MiB);
    const from = proxy.seen.length;
    expect((await upload(signed, 'p/signed.bin', file)).statusCode).toBe(200);
    const hashes = bodyHashes(from, 'p/signed.bin');
    expect(hashes).toHaveLength(2);
    if (testSignature === 'v2') {
      // SigV2 signs no payload: the header is not sent.
      expect(hashes).toEqual([undefined, undefined]);
    } else {
      expect(hashes).toEqual([sha256(file.subarray(0, 8 * MiB)), sha256(file.subarray(8 * MiB))]);
    }
  });

  it('unsigned: parts and single uploads go as UNSIGNED-PAYLOAD, and the store takes them', async () => {
    const big = randomBytes(17 * MiB + 1);
    const small = randomBytes(1000);
    const from = proxy.seen.length;
    expect((await upload(unsigned, 'p/unsigned.bin', big)).statusCode).toBe(200);
    expect((await upload(unsigned, 'p/unsigned-small.txt', small)).statusCode).toBe(200);
    const expected = testSignature === 'v2' ? undefined : 'UNSIGNED-PAYLOAD';
    expect(bodyHashes(from, 'p/unsigned.bin')).toEqual([expected, expected, expected]);
    expect(bodyHashes(from, 'p/unsigned-small.txt')).toEqual([expected]);
    expect(await storedSha(s3, bucket, 'p/unsigned.bin')).toBe(sha256(big));
    expect(await storedSha(s3, bucket, 'p/unsigned-small.txt')).toBe(sha256(small));
  });

  it('unsigned leaves every other request signed as before', async () => {
    const from = proxy.seen.length;
    const res = await unsigned.inject(`/api/buckets/${bucket}/objects?${q({ prefix: 'p/' })}`);
    expect(res.statusCode).toBe(200);
    const list = proxy.seen.slice(from).find((r) => r.method === 'GET');
    expect(list?.headers['x-amz-content-sha256']).toBe(
      testSignature === 'v2' ? undefined : sha256(''),
    );
  });
});
