import { PutObjectCommand, PutObjectTaggingCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ObjectDetailsSchema } from '@stowage/shared';
import { build, createBucket, fixtureClient, q, testStoreConfig, type TestApp } from '../helper.js';
import { startRecordingProxy } from '../recording-proxy.js';

let app: TestApp;
let bucket: string;
const s3 = fixtureClient();
const expires = new Date('2030-01-02T03:04:05Z');

beforeAll(async () => {
  app = await build();
  bucket = await createBucket(app, 'details');
  await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: 'report.json',
      Body: '{"a":1}',
      ContentType: 'application/json',
      CacheControl: 'max-age=60',
      ContentDisposition: 'inline; filename="r.json"',
      ContentEncoding: 'identity',
      ContentLanguage: 'en-GB',
      Expires: expires,
      Metadata: { owner: 'alice', 'project-id': '42' },
    }),
  );
  await s3.send(
    new PutObjectTaggingCommand({
      Bucket: bucket,
      Key: 'report.json',
      Tagging: {
        TagSet: [
          { Key: 'team', Value: 'data' },
          { Key: 'env', Value: 'prod' },
        ],
      },
    }),
  );
});
afterAll(() => app.close());

describe('GET /api/buckets/:bucket/object', () => {
  // Its answer is picked by the schema, not validated by zod (allowlist-serializer.ts).
  it('answers exactly the fields of its schema, no more', async () => {
    const res = await app.inject(`/api/buckets/${bucket}/object?${q({ key: 'report.json' })}`);
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json()).sort()).toEqual(Object.keys(ObjectDetailsSchema.shape).sort());
  });

  it('shows every system header and the user metadata another client wrote', async () => {
    const res = await app.inject(`/api/buckets/${bucket}/object?${q({ key: 'report.json' })}`);
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d).toMatchObject({
      key: 'report.json',
      size: 7,
      contentType: 'application/json',
      cacheControl: 'max-age=60',
      contentDisposition: 'inline; filename="r.json"',
      contentEncoding: 'identity',
      contentLanguage: 'en-GB',
      metadata: { owner: 'alice', 'project-id': '42' },
      storageClass: 'STANDARD',
    });
    expect(new Date(d.expires).toISOString()).toBe(expires.toISOString());
    expect(d.etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(Date.parse(d.lastModified)).not.toBeNaN();
    expect(Object.keys(d).sort()).toEqual(
      [
        'key',
        'size',
        'etag',
        'lastModified',
        'contentType',
        'cacheControl',
        'contentDisposition',
        'contentEncoding',
        'contentLanguage',
        'expires',
        'storageClass',
        'versionId',
        'metadata',
      ].sort(),
    );
  });

  it('costs the store one HeadObject (the tags are a request of their own)', async () => {
    const proxy = await startRecordingProxy(testStoreConfig().endpoint!);
    const watched = await build({ endpoint: proxy.endpoint });
    try {
      const before = proxy.requests.length;
      const res = await watched.inject(
        `/api/buckets/${bucket}/object?${q({ key: 'report.json' })}`,
      );
      expect(res.statusCode).toBe(200);
      expect(res.json()).not.toHaveProperty('tags');
      expect(proxy.requests.slice(before)).toEqual([`HEAD /${bucket}/report.json`]);
    } finally {
      await watched.close();
      await proxy.close();
    }
  });
});

describe('GET /api/buckets/:bucket/object/tags', () => {
  it('gives the tags another client wrote', async () => {
    const res = await app.inject(`/api/buckets/${bucket}/object/tags?${q({ key: 'report.json' })}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().tags).toEqual(
      expect.arrayContaining([
        { key: 'team', value: 'data' },
        { key: 'env', value: 'prod' },
      ]),
    );
    expect(res.json().tags).toHaveLength(2);
  });

  it('answers 404 with a clear message for a missing key', async () => {
    const res = await app.inject(`/api/buckets/${bucket}/object/tags?${q({ key: 'missing.txt' })}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe('The object does not exist');
  });
});

describe('GET /api/buckets/:bucket/object (errors)', () => {
  it('answers 404 with a clear message for a missing key', async () => {
    const res = await app.inject(`/api/buckets/${bucket}/object?${q({ key: 'missing.txt' })}`);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      statusCode: 404,
      code: 'NoSuchKey',
      error: 'Not Found',
      message: 'The object does not exist',
      requestId: expect.any(String),
    });
  });

  it.each([
    ['object', '', 'key: The object key is empty'],
    ['object', 'k'.repeat(1025), 'key: The object key is longer than 1024 bytes (UTF-8)'],
    ['object/tags', '', 'key: The object key is empty'],
    ['object/tags', 'k'.repeat(1025), 'key: The object key is longer than 1024 bytes (UTF-8)'],
  ])('GET …/%s refuses a bad key with 400', async (route, key, message) => {
    const res = await app.inject(`/api/buckets/${bucket}/${route}?${q({ key })}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe(message);
  });

  it('refuses a request without a key', async () => {
    const res = await app.inject(`/api/buckets/${bucket}/object`);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/key/);
  });
});
