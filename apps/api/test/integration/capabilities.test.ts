import { PutBucketVersioningCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  build,
  createBucket,
  fixtureClient,
  onEmbedded,
  q,
  testStoreConfig,
  type TestApp,
} from '../helper.js';
import { inProgressUploads, listKeys } from '../fixtures.js';
import { startRecordingProxy, type RecordingProxy } from '../recording-proxy.js';

const s3 = fixtureClient();
let app: TestApp;
let proxy: RecordingProxy;
let bucket: string;

beforeAll(async () => {
  proxy = await startRecordingProxy(testStoreConfig().endpoint!);
  app = await build({ endpoint: proxy.endpoint });
  bucket = await createBucket(app, 'caps');
});
afterAll(async () => {
  await app.close();
  await proxy.close();
});

const capabilities = (name: string, target = app) =>
  target.inject(`/api/buckets/${name}/capabilities`);

/** Measured: s3rver 3.7.1 and Ceph RGW 16.2 (see the README's table). */
const expected = onEmbedded
  ? {
      tagging: 'supported',
      versioning: 'unsupported', // ?versioning is answered with a bucket listing
      abortMultipartUpload: 'supported', // patches/s3rver: NoSuchUpload for an unknown id
      uploadPartCopy: 'unsupported', // 501 NotImplemented
      presignedUrls: 'supported',
      // Bucket settings: CORS only (501 NotImplemented for the others).
      lifecycle: 'unsupported',
      cors: 'supported',
      policy: 'unsupported',
      bucketTagging: 'unsupported',
      encryption: 'unsupported',
      objectLock: 'unsupported',
    }
  : {
      tagging: 'supported',
      versioning: 'Off',
      abortMultipartUpload: 'supported',
      uploadPartCopy: 'supported',
      presignedUrls: 'supported',
      lifecycle: 'supported',
      cors: 'supported',
      policy: 'supported',
      bucketTagging: 'supported',
      // Ceph 16 has no bucket encryption API: it answers ?encryption with a bucket listing.
      encryption: 'unsupported',
      objectLock: 'supported', // ObjectLockConfigurationNotFoundError
    };

describe('GET /api/buckets/:bucket/capabilities', () => {
  it('reports what the store answers, from probes that write nothing', async () => {
    const start = proxy.requests.length;
    const res = await capabilities(bucket);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(expected);

    // Only the probes reached the store, and nothing was left in the bucket.
    expect(proxy.requests.slice(start).map(describeProbe).sort()).toEqual(PROBES);
    expect(await listKeys(s3, bucket)).toEqual([]);
    // s3rver has no ListMultipartUploads: there the requests above are the evidence.
    if (!onEmbedded) expect(await inProgressUploads(s3, bucket)).toEqual([]);
  });

  it('answers a second call from its cache, without asking the store', async () => {
    await capabilities(bucket);
    const before = proxy.requests.length;
    const again = await capabilities(bucket);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(expected);
    expect(proxy.requests.slice(before)).toEqual([]);
  });

  it('probes each bucket once, even when asked concurrently', async () => {
    const other = await createBucket(app, 'caps-once');
    const start = proxy.requests.length;
    const answers = await Promise.all([1, 2, 3].map(() => capabilities(other)));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200]);
    expect(proxy.requests.slice(start).map(describeProbe).sort()).toEqual(PROBES);
  });

  it('reports Enabled and Suspended versioning where the store has it', async () => {
    const versioned = await createBucket(app, 'caps-ver');
    const setVersioning = (Status: 'Enabled' | 'Suspended') =>
      s3.send(
        new PutBucketVersioningCommand({
          Bucket: versioned,
          VersioningConfiguration: { Status },
        }),
      );
    if (onEmbedded) {
      // s3rver takes PUT ?versioning for a CreateBucket (409) and never versions.
      await expect(setVersioning('Enabled')).rejects.toThrow(/already exists/);
      expect((await capabilities(versioned)).json()).toMatchObject({ versioning: 'unsupported' });
      return;
    }
    await setVersioning('Enabled');
    expect((await capabilities(versioned)).json()).toMatchObject({ versioning: 'Enabled' });
    // The status is cached for a minute; a fresh app asks again.
    await setVersioning('Suspended');
    const fresh = await build();
    expect((await capabilities(versioned, fresh)).json()).toMatchObject({
      versioning: 'Suspended',
    });
    await fresh.close();
  });

  it('answers 404 for a missing bucket, and does not cache it', async () => {
    const res = await capabilities('t-no-such-bucket-caps');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      statusCode: 404,
      code: 'NoSuchBucket',
      error: 'Not Found',
      message: 'The bucket does not exist',
      requestId: expect.any(String),
    });
    const before = proxy.requests.length;
    expect((await capabilities('t-no-such-bucket-caps')).statusCode).toBe(404);
    expect(proxy.requests.slice(before).map(describeProbe).sort()).toEqual(PROBES);
  });

  it('answers 400 for a bad bucket name', async () => {
    const res = await capabilities('a');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('bucket: Bucket names are at least 3 characters long');
  });

  it('reports unknown, not supported, when the store refuses the credentials', async () => {
    const refused = await build({ accessKeyId: 'NOSUCHKEY123' });
    const res = await capabilities(bucket, refused);
    await refused.close();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      tagging: 'unknown',
      versioning: 'unknown',
      abortMultipartUpload: 'unknown',
      uploadPartCopy: 'unknown',
      presignedUrls: 'unknown',
      lifecycle: 'unknown',
      cors: 'unknown',
      policy: 'unknown',
      bucketTagging: 'unknown',
      encryption: 'unknown',
      objectLock: 'unknown',
    });
  });

  it('reports unknown when the store is unreachable', async () => {
    const down = await build({ endpoint: 'http://127.0.0.1:9' });
    const res = await capabilities(bucket, down);
    await down.close();
    expect(res.statusCode).toBe(200);
    expect(Object.values(res.json())).toEqual(Array(11).fill('unknown'));
  });
});

describe('a store without object tagging', () => {
  // Both test stores have tagging; a proxy answers ?tagging the way s3rver answers
  // DeleteObjectTagging (501 NotImplemented), everything else goes to the store.
  const NOT_IMPLEMENTED =
    '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NotImplemented</Code>' +
    '<Message>A header you provided implies functionality that is not implemented</Message></Error>';
  let noTags: RecordingProxy;
  let tagless: TestApp;
  beforeAll(async () => {
    noTags = await startRecordingProxy(testStoreConfig().endpoint!, {
      answer: (request) =>
        /[?&]tagging(=|&|$)/.test(request) ? { status: 501, body: NOT_IMPLEMENTED } : undefined,
    });
    tagless = await build({ endpoint: noTags.endpoint });
  });
  afterAll(async () => {
    await tagless.close();
    await noTags.close();
  });

  it('reports tagging unsupported; details still load; reading tags says why not', async () => {
    const res = await capabilities(bucket, tagless);
    expect(res.statusCode).toBe(200);
    // The proxy answers the bucket's ?tagging with 501 too.
    expect(res.json()).toEqual({
      ...expected,
      tagging: 'unsupported',
      bucketTagging: 'unsupported',
    });

    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'tagless.txt', Body: 'x' }));
    const details = await tagless.inject(
      `/api/buckets/${bucket}/object?${q({ key: 'tagless.txt' })}`,
    );
    expect(details.statusCode).toBe(200);
    expect(details.json()).toMatchObject({ key: 'tagless.txt', size: 1 });
    const read = await tagless.inject(
      `/api/buckets/${bucket}/object/tags?${q({ key: 'tagless.txt' })}`,
    );
    expect(read.statusCode).toBe(502);
    expect(read.json().message).toBe(
      `The store at ${noTags.endpoint} does not implement this request (NotImplemented)`,
    );

    // A tag write is still refused with the store's own answer, named.
    const put = await tagless.inject({
      method: 'PUT',
      url: `/api/buckets/${bucket}/object/tags?${q({ key: 'tagless.txt' })}`,
      payload: { tags: [] },
    });
    expect(put.statusCode).toBe(502);
    expect(put.json().message).toBe(
      `The store at ${noTags.endpoint} does not implement this request (NotImplemented)`,
    );
  });
});

/** The five probes: reads, an abort and a part copy of uploads that do not exist, a presigned GET. */
const PROBES = [
  'DELETE ?uploadId',
  'GET ?cors',
  'GET ?encryption',
  'GET ?lifecycle',
  'GET ?object-lock',
  'GET ?policy',
  'GET ?tagging',
  'GET ?tagging',
  'GET ?versioning',
  'GET presigned',
  'PUT ?partNumber&uploadId',
];

/** A recorded request as the kind of probe it was. */
function describeProbe(request: string): string {
  const [method, target = ''] = request.split(' ');
  const query = new URL(target, 'http://x').searchParams;
  if (query.has('X-Amz-Signature')) return `${method} presigned`;
  const names = [...query.keys()].filter((k) => !k.startsWith('x-id')).sort();
  return `${method} ?${names.join('&')}`;
}
