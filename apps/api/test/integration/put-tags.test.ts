import { GetObjectTaggingCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, createBucket, fixtureClient, onEmbedded, q, type TestApp } from '../helper.js';
import { sdkCalls } from '../fixtures.js';

const s3 = fixtureClient();
let app: TestApp;
let bucket: string;

beforeAll(async () => {
  app = await build();
  bucket = await createBucket(app, 'tags');
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 't/a.txt', Body: 'a' }));
});
afterAll(() => app.close());

const putTags = (key: string, body: unknown) =>
  app.inject({
    method: 'PUT',
    url: `/api/buckets/${bucket}/object/tags?${q({ key })}`,
    payload: body as object,
  });
const storedTags = async (key: string) =>
  ((await s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: key }))).TagSet ?? []).map(
    (t) => ({ key: t.Key, value: t.Value }),
  );
const details = async (key: string) =>
  (await app.inject(`/api/buckets/${bucket}/object?${q({ key })}`)).json();
const tagsOf = async (key: string) =>
  (await app.inject(`/api/buckets/${bucket}/object/tags?${q({ key })}`)).json().tags;

describe('PUT /api/buckets/:bucket/object/tags', () => {
  it('replaces the tags without rewriting the object', async () => {
    const before = await details('t/a.txt');
    const calls = sdkCalls(app.objectStore);
    const tags = [
      { key: 'team', value: 'data' },
      { key: 'Größe', value: 'groß: 1/2 @ x+y=z' },
      { key: 'empty', value: '' },
    ];
    const res = await putTags('t/a.txt', { tags });
    expect(res.statusCode).toBe(200);
    expect(res.json().tags).toEqual(expect.arrayContaining(tags));
    expect(res.json().tags).toHaveLength(3);
    expect(await storedTags('t/a.txt')).toEqual(expect.arrayContaining(tags));
    expect(calls.map((c) => c.command)).toEqual(['PutObjectTagging', 'GetObjectTagging']);
    const after = await details('t/a.txt');
    expect(after.etag).toBe(before.etag);
    expect(after.size).toBe(before.size);
    if (onEmbedded) expect(after.lastModified).toBe(before.lastModified);
    // Ceph RGW 16 moves Last-Modified when tags change (the body is untouched: same ETag).
    else
      expect(Date.parse(after.lastModified)).toBeGreaterThanOrEqual(
        Date.parse(before.lastModified),
      );
  });

  it('removes every tag with an empty list (PutObjectTagging, on both stores)', async () => {
    await putTags('t/a.txt', { tags: [{ key: 'x', value: '1' }] });
    const calls = sdkCalls(app.objectStore);
    const res = await putTags('t/a.txt', { tags: [] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ tags: [] });
    expect(await storedTags('t/a.txt')).toEqual([]);
    expect(calls.map((c) => c.command)).not.toContain('DeleteObjectTagging');
  });

  it('tags belong to one object: an overwrite or a delete-and-recreate starts untagged', async () => {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 't/life.txt', Body: 'v1' }));
    await putTags('t/life.txt', { tags: [{ key: 'env', value: 'prod' }] });
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 't/life.txt', Body: 'v2' }));
    expect(await tagsOf('t/life.txt')).toEqual([]);

    await putTags('t/life.txt', { tags: [{ key: 'env', value: 'prod' }] });
    const del = await app.inject({
      method: 'DELETE',
      url: `/api/buckets/${bucket}/object?${q({ key: 't/life.txt' })}`,
    });
    expect(del.statusCode).toBe(204);
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 't/life.txt', Body: 'v3' }));
    expect(await tagsOf('t/life.txt')).toEqual([]);
  });

  it('answers 404 for a missing object', async () => {
    const res = await putTags('t/missing.txt', { tags: [] });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe('The object does not exist');
  });

  it.each<[string, unknown, string]>([
    [
      '11 tags',
      { tags: Array.from({ length: 11 }, (_, i) => ({ key: `k${i}`, value: 'v' })) },
      'tags: An object has at most 10 tags',
    ],
    [
      'a forbidden character in a key',
      { tags: [{ key: 'a;b', value: 'v' }] },
      'tags.0.key: Tag keys use letters, digits, spaces and + - = . _ : / @ only',
    ],
    [
      'a forbidden character in a value',
      { tags: [{ key: 'a', value: '<b>' }] },
      'tags.0.value: Tag values use letters, digits, spaces and + - = . _ : / @ only',
    ],
    [
      'a duplicate key',
      {
        tags: [
          { key: 'a', value: '1' },
          { key: 'a', value: '2' },
        ],
      },
      'tags.1.key: Tag key "a" is used twice',
    ],
    ['an empty key', { tags: [{ key: '', value: 'v' }] }, 'tags.0.key: A tag key is needed'],
    [
      'a key over 128 characters',
      { tags: [{ key: 'k'.repeat(129), value: 'v' }] },
      'tags.0.key: Tag keys are at most 128 characters',
    ],
    [
      'a value over 256 characters',
      { tags: [{ key: 'k', value: 'v'.repeat(257) }] },
      'tags.0.value: Tag values are at most 256 characters',
    ],
    ['no tags field', {}, 'tags: '],
  ])('refuses %s with 400 and changes nothing', async (_label, body, message) => {
    await putTags('t/a.txt', { tags: [{ key: 'keep', value: 'me' }] });
    const res = await putTags('t/a.txt', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().message.startsWith(message)).toBe(true);
    expect(await storedTags('t/a.txt')).toEqual([{ key: 'keep', value: 'me' }]);
  });

  it.each([
    ['', 'key: The object key is empty'],
    ['k'.repeat(1025), 'key: The object key is longer than 1024 bytes (UTF-8)'],
  ])('refuses a bad key %#', async (key, message) => {
    const res = await putTags(key, { tags: [] });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe(message);
  });
});
