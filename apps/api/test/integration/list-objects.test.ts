import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListObjectsResponseSchema, ObjectSummarySchema } from '@stowage/shared';
import { build, createBucket, fixtureClient, q, type TestApp } from '../helper.js';

let app: TestApp;
let bucket: string;
const s3 = fixtureClient();
const put = (key: string, body = 'x') =>
  s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));

beforeAll(async () => {
  app = await build();
  bucket = await createBucket(app, 'list');
  const keys = [
    'top.txt',
    'docs/a.txt',
    'docs/deep/only/b.txt',
    'photos/2024/x.png',
    'photos/y.png',
  ];
  for (let i = 0; i < 25; i++) keys.push(`paged/item-${String(i).padStart(3, '0')}.txt`);
  await Promise.all(keys.map((k) => put(k, `body of ${k}`)));
});
afterAll(() => app.close());

const list = (params: Record<string, string | number | undefined>) =>
  app.inject(`/api/buckets/${bucket}/objects?${q(params)}`);

describe('GET /api/buckets/:bucket/objects', () => {
  // Its answer is picked by the schema, not validated by zod (allowlist-serializer.ts).
  it('answers exactly the fields of its schema, no more', async () => {
    const body = (await list({ prefix: 'paged/', limit: 10 })).json();
    const fields = (o: object) => Object.keys(o).sort();
    expect(fields(body)).toEqual(
      fields(ListObjectsResponseSchema.shape).filter((f) => f !== 'deletedPrefixes'),
    );
    expect(body.objects).toHaveLength(10);
    for (const o of body.objects) {
      expect(fields(o)).toEqual(
        fields(ObjectSummarySchema.shape).filter((f) => f !== 'deleted' && f !== 'versionId'),
      );
    }
  });

  it('lists the root as folders and objects', async () => {
    const res = await list({});
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.prefixes).toEqual(['docs/', 'paged/', 'photos/']);
    expect(body.objects.map((o: { key: string }) => o.key)).toEqual(['top.txt']);
    expect(body.nextCursor).toBeNull();
    expect(body.objects[0]).toMatchObject({ key: 'top.txt', size: 'body of top.txt'.length });
    expect(body.objects[0].etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(Date.parse(body.objects[0].lastModified)).not.toBeNaN();
  });

  it('shows a folder that holds only subfolders', async () => {
    const body = (await list({ prefix: 'docs/' })).json();
    expect(body.prefixes).toEqual(['docs/deep/']);
    expect(body.objects.map((o: { key: string }) => o.key)).toEqual(['docs/a.txt']);
  });

  it('filters by a prefix that is not a folder', async () => {
    const body = (await list({ prefix: 'pho' })).json();
    expect(body.prefixes).toEqual(['photos/']);
  });

  it('lists flat without a delimiter', async () => {
    const body = (await list({ prefix: 'photos/', delimiter: '' })).json();
    expect(body.prefixes).toEqual([]);
    expect(body.objects.map((o: { key: string }) => o.key)).toEqual([
      'photos/2024/x.png',
      'photos/y.png',
    ]);
  });

  it('pages with the cursor until every key was seen exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await list({ prefix: 'paged/', limit: 10, cursor });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.objects.length).toBeLessThanOrEqual(10);
      seen.push(...body.objects.map((o: { key: string }) => o.key));
      cursor = body.nextCursor ?? undefined;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
  });

  it.each([
    [{ limit: 0 }, 'limit: The limit is at least 1'],
    [{ limit: 1001 }, 'limit: The limit is at most 1000'],
    [{ limit: 'ten' }, 'limit'],
    [{ delimiter: '//' }, 'delimiter: The delimiter is at most one character'],
  ])('refuses bad paging input %j with 400', async (params, message) => {
    const res = await list(params);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(message);
    expect(res.json().error).toBe('Bad Request');
  });

  it('answers 404 for a bucket that does not exist', async () => {
    const res = await app.inject(`/api/buckets/no-such-bucket-${Date.now()}/objects`);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      statusCode: 404,
      code: 'NoSuchBucket',
      error: 'Not Found',
      message: 'The bucket does not exist',
      requestId: expect.any(String),
    });
  });

  it('refuses an invalid bucket name with 400', async () => {
    const res = await app.inject('/api/buckets/bad%20name!/objects');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/^bucket: Bucket names use letters/);
  });
});
