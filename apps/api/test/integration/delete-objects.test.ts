import { PutBucketPolicyCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pMap from 'p-map';
import { build, createBucket, fixtureClient, onEmbedded, q, type TestApp } from '../helper.js';
import { exists, listKeys, sdkCalls } from '../fixtures.js';

const s3 = fixtureClient();
let app: TestApp;
let bucket: string;

const put = (key: string, body = 'x') =>
  s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
const putMany = (keys: string[]) => pMap(keys, (k) => put(k), { concurrency: 16 });

beforeAll(async () => {
  app = await build();
  bucket = await createBucket(app, 'delete');
});
afterAll(() => app.close());

const deleteOne = (key: string) =>
  app.inject({ method: 'DELETE', url: `/api/buckets/${bucket}/object?${q({ key })}` });
const bulk = (body: unknown, target: TestApp = app) =>
  target.inject({ method: 'POST', url: `/api/buckets/${bucket}/delete`, payload: body as object });
const summary = (prefix: string) =>
  app.inject(`/api/buckets/${bucket}/prefix-summary?${q({ prefix })}`);
const existing = (keys: unknown) =>
  app.inject({
    method: 'POST',
    url: `/api/buckets/${bucket}/existing-keys`,
    payload: { keys } as object,
  });

describe('DELETE /api/buckets/:bucket/object', () => {
  it('deletes one object with 204', async () => {
    await put('one/a.txt');
    await put('one/b.txt');
    const res = await deleteOne('one/a.txt');
    expect(res.statusCode).toBe(204);
    expect(res.payload).toBe('');
    expect(await exists(s3, bucket, 'one/a.txt')).toBe(false);
    expect(await exists(s3, bucket, 'one/b.txt')).toBe(true);
  });

  it('answers 204 for a key that does not exist, as S3 does', async () => {
    expect((await deleteOne('one/never.txt')).statusCode).toBe(204);
  });

  it('answers 404 for a missing bucket', async () => {
    const res = await app.inject({
      method: 'DELETE',
      url: `/api/buckets/no-such-bucket-${Date.now()}/object?${q({ key: 'a' })}`,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe('The bucket does not exist');
  });

  it.each([
    ['', 'key: The object key is empty'],
    ['k'.repeat(1025), 'key: The object key is longer than 1024 bytes (UTF-8)'],
  ])('refuses a bad key %#', async (key, message) => {
    const res = await deleteOne(key);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe(message);
  });
});

describe('POST /api/buckets/:bucket/delete with keys', () => {
  it('deletes the keys, counting absent ones as deleted (S3 semantics)', async () => {
    await putMany(['keys/a.txt', 'keys/b 中文.txt', 'keys/keep.txt']);
    const res = await bulk({ keys: ['keys/a.txt', 'keys/b 中文.txt', 'keys/never.txt'] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ deleted: 3, errors: [] });
    expect(await listKeys(s3, bucket, 'keys/')).toEqual(['keys/keep.txt']);
  });

  it('reports the keys the store would not delete, and deletes the rest', async () => {
    if (onEmbedded) {
      // Keys s3rver would resolve to another file are never sent to it.
      await put('bad/ok.txt');
      const res = await bulk({ keys: ['bad/ok.txt', 'bad/x/../ok.txt', 'bad//twice.txt'] });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        deleted: 1,
        errors: [
          {
            key: 'bad/x/../ok.txt',
            code: 'UnsafeKey',
            message:
              'This store keeps objects as files and cannot hold this key safely: it has a "." or ".." path segment. Connect a real S3 server to use such keys.',
          },
          {
            key: 'bad//twice.txt',
            code: 'UnsafeKey',
            message:
              'This store keeps objects as files and cannot hold this key safely: it contains "//". Connect a real S3 server to use such keys.',
          },
        ],
      });
      expect(await exists(s3, bucket, 'bad/ok.txt')).toBe(false);
    } else {
      // A bucket policy that forbids deleting under locked/ makes Ceph refuse those keys.
      const locked = await createBucket(app, 'locked');
      const policy = {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Deny',
            Principal: '*',
            Action: 's3:DeleteObject',
            Resource: `arn:aws:s3:::${locked}/locked/*`,
          },
        ],
      };
      await s3.send(new PutBucketPolicyCommand({ Bucket: locked, Policy: JSON.stringify(policy) }));
      for (const key of ['locked/a.txt', 'free/a.txt', 'x/../odd.txt']) {
        await s3.send(new PutObjectCommand({ Bucket: locked, Key: key, Body: 'x' }));
      }
      const res = await app.inject({
        method: 'POST',
        url: `/api/buckets/${locked}/delete`,
        payload: { keys: ['locked/a.txt', 'free/a.txt', 'x/../odd.txt'] },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        deleted: 2,
        errors: [{ key: 'locked/a.txt', code: 'AccessDenied', message: 'AccessDenied' }],
      });
      expect(await listKeys(s3, locked)).toEqual(['locked/a.txt']);
    }
  });

  it('sends 1,000 keys per request and counts across batches', async () => {
    const keys = Array.from({ length: 1500 }, (_, i) => `batch/${String(i).padStart(4, '0')}`);
    // Some of each batch exist; absent keys count as deleted too.
    await putMany(keys.filter((_, i) => i % 25 === 0));
    const calls = sdkCalls(app.objectStore);
    const res = await bulk({ keys: [...keys, keys[0]] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ deleted: 1500, errors: [] });
    const sent = calls.filter((c) => c.command === 'DeleteObjects');
    expect(sent.map((c) => (c.input.Delete as { Objects: unknown[] }).Objects.length)).toEqual([
      1000, 500,
    ]);
    expect(await listKeys(s3, bucket, 'batch/')).toEqual([]);
  });

  it('takes the most keys at a realistic length (a body over Fastify’s default 1 MiB)', async () => {
    const keys = Array.from({ length: 10_000 }, (_, i) => `long/${'deep-folder/'.repeat(20)}${i}`);
    await putMany(keys.slice(0, 5));
    const res = await bulk({ keys });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ deleted: 10_000, errors: [] });
    expect(await listKeys(s3, bucket, 'long/')).toEqual([]);
  });

  it('reports every key of a batch the store failed outright, after deleting the first', async () => {
    const keys = Array.from({ length: 1001 }, (_, i) => `fail/${String(i).padStart(4, '0')}`);
    await putMany([...keys.slice(0, 20), 'fail/1000']);
    const flaky = await build();
    let sent = 0;
    flaky.objectStore.aroundSends(async (command, _input, send) => {
      if (command === 'DeleteObjects' && sent++ === 1) {
        throw Object.assign(new Error('boom'), {
          name: 'InternalError',
          $metadata: { httpStatusCode: 500 },
        });
      }
      return send();
    });
    const res = await bulk({ keys }, flaky);
    await flaky.close();
    expect(res.statusCode).toBe(200);
    const endpoint = flaky.objectStore.endpointLabel;
    expect(res.json()).toEqual({
      deleted: 1000,
      errors: [
        {
          key: 'fail/1000',
          code: 'InternalError',
          message: `The store at ${endpoint} failed (InternalError)`,
        },
      ],
    });
    expect(await listKeys(s3, bucket, 'fail/')).toEqual(['fail/1000']);
  });

  it.each<[string, unknown, string]>([
    ['no keys', { keys: [] }, 'keys: Name at least one key'],
    ['an empty key', { keys: ['a', ''] }, 'keys.1: The object key is empty'],
    [
      'a key over 1,024 bytes',
      { keys: ['k'.repeat(1025)] },
      'keys.0: The object key is longer than 1024 bytes (UTF-8)',
    ],
    [
      'over 10,000 keys',
      { keys: Array.from({ length: 10_001 }, (_, i) => `k${i}`) },
      'keys: At most 10000 keys per request',
    ],
    [
      'an empty prefix (the bucket root)',
      { prefix: '' },
      'prefix: A folder delete needs a prefix; the bucket root is refused',
    ],
    [
      'neither keys nor prefix',
      {},
      'keys: Invalid input: expected array, received undefined or prefix: Invalid input: expected string, received undefined',
    ],
  ])('refuses %s with 400', async (_label, body, message) => {
    const calls = sdkCalls(app.objectStore);
    const res = await bulk(body);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(message);
    expect(calls).toEqual([]);
  });
});

describe('folder delete and its summary', () => {
  const folder = Array.from({ length: 1205 }, (_, i) => `dir/sub${i % 3}/f${i}.txt`);

  beforeAll(async () => {
    await putMany(folder);
    await Promise.all([put('dir-sibling.txt'), put('dirt/x.txt'), put('other/dir/y.txt')]);
  });

  it('summarises what a folder delete would remove', async () => {
    const res = await summary('dir/');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ count: 1205, totalSize: 1205, truncated: false });
    expect((await summary('nothing-here/')).json()).toEqual({
      count: 0,
      totalSize: 0,
      truncated: false,
    });
  });

  it('stops counting at the cap and says so', async () => {
    const { prefixSummary } = await import('../../src/store/s3-bulk.js');
    expect(await prefixSummary(app.objectStore.listAll(bucket, 'dir/'), 1000)).toEqual({
      count: 1000,
      totalSize: 1000,
      truncated: true,
    });
    expect(await prefixSummary(app.objectStore.listAll(bucket, 'dir/'), 1205)).toEqual({
      count: 1205,
      totalSize: 1205,
      truncated: false,
    });
  });

  it('deletes exactly the listed snapshot: an object written after the listing stays', async () => {
    const calls = sdkCalls(app.objectStore);
    // The moment the app starts deleting, another client writes into the folder.
    let late: Promise<unknown> | undefined;
    const restore = app.objectStore.aroundSends(async (command, _input, send) => {
      if (command === 'DeleteObjects' && !late) {
        late = put('dir/sub0/late.txt');
        await late;
      }
      return send();
    });
    const res = await bulk({ prefix: 'dir/' });
    restore();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ deleted: 1205, errors: [] });
    // Listed in full (two pages, no delimiter) before the first delete.
    const commands = calls.map((c) => c.command);
    expect(commands.indexOf('DeleteObjects')).toBeGreaterThan(
      commands.lastIndexOf('ListObjectsV2'),
    );
    expect(
      calls.filter((c) => c.command === 'ListObjectsV2').map((c) => c.input.Delimiter),
    ).toEqual([undefined, undefined]);
    expect(await listKeys(s3, bucket, 'dir/')).toEqual(['dir/sub0/late.txt']);
    for (const key of ['dir-sibling.txt', 'dirt/x.txt', 'other/dir/y.txt']) {
      expect(await exists(s3, bucket, key)).toBe(true);
    }
  });

  it('refuses a missing or empty prefix', async () => {
    expect((await app.inject(`/api/buckets/${bucket}/prefix-summary`)).statusCode).toBe(400);
    const res = await summary('');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/^prefix: /);
  });
});

describe('POST /api/buckets/:bucket/existing-keys', () => {
  it('names the keys that exist', async () => {
    await putMany(['ex/a.txt', 'ex/ü b.txt']);
    const res = await existing(['ex/a.txt', 'ex/missing.txt', 'ex/ü b.txt', 'ex/']);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ existing: ['ex/a.txt', 'ex/ü b.txt'] });
  });

  it('takes 1,000 keys of 1,000 bytes (a body over Fastify’s default 1 MiB)', async () => {
    const deep = `ex/${`${'d'.repeat(200)}/`.repeat(4)}`;
    const keys = Array.from({ length: 1000 }, (_, i) => `${deep}${'f'.repeat(180)}${i}`);
    await put(keys[7]!);
    const res = await existing(keys);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ existing: [keys[7]] });
  });

  it('asks at most 16 at a time', async () => {
    const keys = Array.from({ length: 40 }, (_, i) => `ex/n${i}`);
    let inFlight = 0;
    let most = 0;
    // The route's own fan-out, without the embedded store's queue of 4 (security-load.test.ts).
    const counting = await build({ quirks: { maxConcurrentRequests: undefined } });
    counting.objectStore.aroundSends(async (_command, _input, send) => {
      most = Math.max(most, ++inFlight);
      try {
        return await send();
      } finally {
        inFlight--;
      }
    });
    const res = await counting.inject({
      method: 'POST',
      url: `/api/buckets/${bucket}/existing-keys`,
      payload: { keys },
    });
    await counting.close();
    expect(res.json()).toEqual({ existing: [] });
    expect(most).toBe(16);
  });

  it.each<[string, unknown, string]>([
    ['no keys', [], 'keys: '],
    [
      'over 1,000 keys',
      Array.from({ length: 1001 }, (_, i) => `k${i}`),
      'keys: At most 1000 keys per request',
    ],
    ['an empty key', [''], 'keys.0: The object key is empty'],
  ])('refuses %s with 400', async (_label, keys, message) => {
    const res = await existing(keys);
    expect(res.statusCode).toBe(400);
    expect(res.json().message.startsWith(message)).toBe(true);
  });
});
