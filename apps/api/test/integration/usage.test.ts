import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UsageResult } from '@stowage/shared';
import { boto3, dropBucket, ndjsonHeaders, ndjsonLines } from '../bucket-admin.js';
import { build, fixtureClient, onEmbedded, q, type TestApp } from '../helper.js';

let app: TestApp;
let bucket: string;
const s3 = fixtureClient();

interface Boto3Usage {
  objects: number;
  bytes: number;
  largest: { key: string; size: number }[];
  uploads: { count: number; bytes: number } | null;
  noncurrent: { count: number; bytes: number } | null;
}

const put = (key: string, size: number) =>
  s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: Buffer.alloc(size, 7) }));

beforeAll(async () => {
  app = await build();
  bucket = `t-usage-${Date.now().toString(36)}`;
  const created = await app.inject({
    method: 'POST',
    url: '/api/buckets',
    payload: { name: bucket, versioning: !onEmbedded },
  });
  expect(created.statusCode).toBe(201);
  // 26 objects of distinct sizes in two folders: more than the 20 largest.
  for (let i = 0; i < 26; i += 1) await put(`${i % 2 ? 'a' : 'b'}/obj-${i}.bin`, 100 + i * 37);
  if (!onEmbedded) {
    // Noncurrent versions (two overwrites), a delete marker, an upload left with its parts.
    await put('a/obj-1.bin', 5);
    await put('b/obj-2.bin', 9);
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'a/obj-3.bin' }));
    boto3('leave-upload', bucket, 'a/left.bin', '4096');
  }
});
afterAll(async () => {
  await dropBucket(s3, bucket);
  await app.close();
});

const withoutDates = (r: UsageResult) => ({
  ...r,
  largest: r.largest.map(({ key, size }) => ({ key, size })),
});

describe('GET /api/buckets/:bucket/usage', () => {
  it('equals boto3’s own walk, for the bucket and for a folder', async () => {
    for (const prefix of ['', 'a/']) {
      const res = await app.inject(`/api/buckets/${bucket}/usage?${q({ prefix })}`);
      expect(res.statusCode, prefix).toBe(200);
      const usage = res.json<UsageResult>();
      const theirs = boto3<Boto3Usage>('usage', bucket, prefix);
      expect(withoutDates(usage), prefix).toEqual({ ...theirs, cancelled: false });
      expect(usage.largest).toHaveLength(prefix ? (onEmbedded ? 13 : 12) : 20);
      expect(usage.largest.every((o) => typeof o.lastModified === 'string')).toBe(true);
    }
    const all = (await app.inject(`/api/buckets/${bucket}/usage`)).json<UsageResult>();
    if (onEmbedded) {
      expect(all).toMatchObject({ objects: 26, uploads: null, noncurrent: null });
    } else {
      expect(all).toMatchObject({
        objects: 25,
        uploads: { count: 1, bytes: 8192 },
        noncurrent: { count: 4, bytes: 100 + 37 + 100 + 2 * 37 + 100 + 3 * 37 },
      });
    }
  });

  it('streams progress lines, then the totals', async () => {
    const res = await app.inject({ url: `/api/buckets/${bucket}/usage`, headers: ndjsonHeaders });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const lines = ndjsonLines(res.payload);
    const json = (await app.inject(`/api/buckets/${bucket}/usage`)).json<UsageResult>();
    expect(lines[0]).toEqual({ objects: 0, bytes: 0 });
    expect(lines.at(-2)).toEqual({ objects: json.objects, bytes: json.bytes });
    expect(lines.at(-1)).toEqual(json);
  });

  it('answers 404 for a missing bucket, 403 outside the allowlist', async () => {
    const missing = await app.inject(`/api/buckets/t-no-such-${Date.now()}/usage`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'NoSuchBucket' });
    const limited = await build({}, { profile: { buckets: ['some-other-bucket'] } });
    try {
      for (const url of [
        `/api/buckets/${bucket}/usage`,
        `/api/buckets/${bucket}/uploads`,
        `/api/buckets/${bucket}`,
      ]) {
        const res = await limited.inject({ url, method: url.endsWith(bucket) ? 'DELETE' : 'GET' });
        expect(res.statusCode, url).toBe(403);
        expect(res.json()).toMatchObject({ code: 'BucketNotAllowed' });
      }
    } finally {
      await limited.close();
    }
  });
});
