import {
  GetObjectTaggingCommand,
  HeadObjectCommand,
  PutObjectCommand,
  PutObjectTaggingCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, createBucket, fixtureClient, onEmbedded, type TestApp } from '../helper.js';
import { exists, listKeys, sha256, storedSha } from '../fixtures.js';
import { ndjsonHeaders, numbered, parseNdjson, putMany, renameRequest } from '../organize.js';

const s3 = fixtureClient();
const apps: TestApp[] = [];
let app: TestApp;
let bucket: string;

beforeAll(async () => {
  app = await build();
  apps.push(app);
  bucket = await createBucket(app, 'rename');
});
afterAll(async () => {
  for (const a of apps) await a.close();
});

const ok = (copied: number) => ({ copied, skipped: 0, errors: [], cancelled: false });

describe('rename an object', () => {
  it('moves it to the new name with a nasty key, keeping headers, metadata and tags', async () => {
    const from = 'r/plus+pct%25 hash#q?amp&.txt';
    const to = `r/ünï cødé ✓${onEmbedded ? '' : '//x'} 日本.txt`;
    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: from,
        Body: 'renamed',
        ContentType: 'text/plain; charset=utf-8',
        CacheControl: 'no-cache',
        ContentDisposition: 'attachment; filename="x.txt"',
        Metadata: { owner: 'bob' },
      }),
    );
    await s3.send(
      new PutObjectTaggingCommand({
        Bucket: bucket,
        Key: from,
        Tagging: { TagSet: [{ Key: 'k', Value: 'v' }] },
      }),
    );
    const res = await renameRequest(app, bucket, { from, to });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(ok(1));
    expect(await exists(s3, bucket, from)).toBe(false);
    const h = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: to }));
    expect(h).toMatchObject({
      ContentType: 'text/plain; charset=utf-8',
      CacheControl: 'no-cache',
      ContentDisposition: 'attachment; filename="x.txt"',
      Metadata: { owner: 'bob' },
    });
    const t = await s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: to }));
    expect(t.TagSet).toEqual([{ Key: 'k', Value: 'v' }]);
    expect(await storedSha(s3, bucket, to)).toBe(sha256('renamed'));
  });

  it('an existing destination: 409, both kept; overwrite and keepBoth when asked', async () => {
    await putMany(s3, bucket, ['e/a.txt', 'e/b.txt']);
    const refused = await renameRequest(app, bucket, { from: 'e/a.txt', to: 'e/b.txt' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'DestinationExists',
      message: '1 destination already exists: "e/b.txt"',
    });
    expect(await storedSha(s3, bucket, 'e/b.txt')).toBe(sha256('e/b.txt'));
    expect(await exists(s3, bucket, 'e/a.txt')).toBe(true);

    const both = await renameRequest(app, bucket, {
      from: 'e/a.txt',
      to: 'e/b.txt',
      conflict: 'keepBoth',
    });
    expect(both.json()).toEqual(ok(1));
    expect((await listKeys(s3, bucket, 'e/')).sort()).toEqual(['e/b (1).txt', 'e/b.txt']);

    const over = await renameRequest(app, bucket, {
      from: 'e/b (1).txt',
      to: 'e/b.txt',
      conflict: 'overwrite',
    });
    expect(over.json()).toEqual(ok(1));
    expect(await listKeys(s3, bucket, 'e/')).toEqual(['e/b.txt']);
    expect(await storedSha(s3, bucket, 'e/b.txt')).toBe(sha256('e/a.txt'));
  });

  it('a missing object: 404', async () => {
    const res = await renameRequest(app, bucket, { from: 'nope.txt', to: 'still-nope.txt' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NoSuchKey' });
  });

  it('a failed copy keeps the object under its old name', async () => {
    await putMany(s3, bucket, ['fail/a.txt']);
    const flaky = await build();
    apps.push(flaky);
    flaky.objectStore.aroundSends(async (command, _input, send) => {
      if (command === 'CopyObject') {
        throw Object.assign(new Error('boom'), {
          name: 'InternalError',
          $metadata: { httpStatusCode: 500 },
        });
      }
      return send();
    });
    const res = await renameRequest(flaky, bucket, { from: 'fail/a.txt', to: 'fail/b.txt' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      copied: 0,
      errors: [{ key: 'fail/a.txt', code: 'StoreUnavailable' }],
    });
    expect(await listKeys(s3, bucket, 'fail/')).toEqual(['fail/a.txt']);
  });
});

describe('rename a folder', () => {
  it('moves every object under the new prefix, structure kept, with progress lines', async () => {
    const keys = [...numbered('dir/', 30), 'dir/sub/deep.txt', 'dir/sp ace.txt'];
    await putMany(s3, bucket, keys);
    const res = await renameRequest(app, bucket, { from: 'dir/', to: 'new/' }, ndjsonHeaders);
    expect(res.statusCode).toBe(200);
    const { progress, result } = parseNdjson(res.payload);
    expect(result).toEqual(ok(32));
    expect(progress[0]).toMatchObject({ done: 0, total: 32 });
    expect(progress.at(-1)).toMatchObject({ done: 32, total: 32 });
    expect(await listKeys(s3, bucket, 'dir/')).toEqual([]);
    expect((await listKeys(s3, bucket, 'new/')).sort()).toEqual(
      keys.map((k) => `new/${k.slice(4)}`).sort(),
    );
  });

  it.each([
    [
      'into its own subfolder',
      { from: 'g/', to: 'g/h/' },
      'The folder g/ cannot be moved into its own subfolder g/h/',
    ],
    ['onto itself', { from: 'g/', to: 'g/' }, '"from" and "to" are the same name'],
    [
      'to an object name',
      { from: 'g/', to: 'g.txt' },
      'A folder is renamed to a folder: "to" must end with "/"',
    ],
    [
      'an object to a folder name',
      { from: 'g/x.txt', to: 'h/' },
      'An object is renamed to an object: "to" must not end with "/"',
    ],
  ])('%s: 400, nothing moved', async (_, body, message) => {
    await putMany(s3, bucket, ['g/x.txt']);
    const res = await renameRequest(app, bucket, body);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'BadRequest', message });
    expect(await listKeys(s3, bucket, 'g/')).toEqual(['g/x.txt']);
  });

  it('an existing destination folder content: 409 unless conflict says otherwise', async () => {
    await putMany(s3, bucket, ['p/a.txt', 'p/b.txt', 'q/a.txt']);
    const refused = await renameRequest(app, bucket, { from: 'p/', to: 'q/' });
    expect(refused.statusCode).toBe(409);
    expect((await listKeys(s3, bucket, 'p/')).sort()).toEqual(['p/a.txt', 'p/b.txt']);
    const skip = await renameRequest(app, bucket, { from: 'p/', to: 'q/', conflict: 'skip' });
    expect(skip.json()).toEqual({ copied: 1, skipped: 1, errors: [], cancelled: false });
    expect(await listKeys(s3, bucket, 'p/')).toEqual(['p/a.txt']);
    expect((await listKeys(s3, bucket, 'q/')).sort()).toEqual(['q/a.txt', 'q/b.txt']);
  });
});
