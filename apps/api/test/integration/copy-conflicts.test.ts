import { beforeAll, describe, expect, it } from 'vitest';
import { build, fixtureClient, onEmbedded, type TestApp } from '../helper.js';
import { exists, listKeys, sha256, storedSha } from '../fixtures.js';
import { copyRequest, putMany } from '../organize.js';
import { appWithBuckets, appsClosedAfterAll, sortedKeys } from '../organize.js';

const s3 = fixtureClient();
const apps = appsClosedAfterAll();
let app: TestApp;
let src: string;
let dst: string;

beforeAll(async () => {
  ({ app, src, dst } = await appWithBuckets(apps, 'conf'));
});

const sorted = (bucket: string, prefix: string) => sortedKeys(s3, bucket, prefix);

describe('conflict modes', () => {
  beforeAll(async () => {
    await putMany(s3, src, ['c/a.txt', 'c/b.txt', 'c/sub/c.txt']);
  });

  it('fail (the default): 409 naming the destinations, nothing written', async () => {
    await putMany(s3, dst, ['fail/a.txt', 'fail/sub/c.txt']);
    const res = await copyRequest(app, src, {
      prefix: 'c/',
      to: { bucket: dst, prefix: 'fail/' },
      move: true,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'DestinationExists',
      message: '2 destinations already exist: "fail/a.txt", "fail/sub/c.txt"',
    });
    expect(await sorted(dst, 'fail/')).toEqual(['fail/a.txt', 'fail/sub/c.txt']);
    expect(await storedSha(s3, dst, 'fail/a.txt')).toBe(sha256('fail/a.txt'));
    expect(await sorted(src, 'c/')).toEqual(['c/a.txt', 'c/b.txt', 'c/sub/c.txt']);
  });

  it('skip: counts what exists, copies the rest', async () => {
    await putMany(s3, dst, ['skip/a.txt']);
    const res = await copyRequest(app, src, {
      prefix: 'c/',
      to: { bucket: dst, prefix: 'skip/' },
      conflict: 'skip',
    });
    expect(res.json()).toEqual({ copied: 2, skipped: 1, errors: [], cancelled: false });
    expect(await storedSha(s3, dst, 'skip/a.txt')).toBe(sha256('skip/a.txt'));
    expect(await storedSha(s3, dst, 'skip/b.txt')).toBe(sha256('c/b.txt'));
  });

  it('skip on a move leaves the skipped source in place', async () => {
    await putMany(s3, src, ['ms/a.txt', 'ms/b.txt']);
    await putMany(s3, dst, ['ms/a.txt']);
    const res = await copyRequest(app, src, {
      prefix: 'ms/',
      to: { bucket: dst, prefix: 'ms/' },
      conflict: 'skip',
      move: true,
    });
    expect(res.json()).toEqual({ copied: 1, skipped: 1, errors: [], cancelled: false });
    expect(await sorted(src, 'ms/')).toEqual(['ms/a.txt']);
  });

  it('overwrite: replaces what exists', async () => {
    await putMany(s3, dst, ['over/a.txt']);
    const res = await copyRequest(app, src, {
      keys: ['c/a.txt', 'c/b.txt'],
      to: { bucket: dst, prefix: 'over/' },
      conflict: 'overwrite',
    });
    expect(res.json()).toEqual({ copied: 2, skipped: 0, errors: [], cancelled: false });
    expect(await storedSha(s3, dst, 'over/a.txt')).toBe(sha256('c/a.txt'));
  });

  it('keepBoth: the first free "name (n).ext", in a folder and for named keys', async () => {
    await putMany(s3, dst, ['kb/a.txt', 'kb/a (1).txt', 'kb/sub/c.txt']);
    const folder = await copyRequest(app, src, {
      prefix: 'c/',
      to: { bucket: dst, prefix: 'kb/' },
      conflict: 'keepBoth',
    });
    expect(folder.json()).toEqual({ copied: 3, skipped: 0, errors: [], cancelled: false });
    expect(await sorted(dst, 'kb/')).toEqual(
      [
        'kb/a (1).txt',
        'kb/a (2).txt',
        'kb/a.txt',
        'kb/b.txt',
        'kb/sub/c (1).txt',
        'kb/sub/c.txt',
      ].sort(),
    );
    expect(await storedSha(s3, dst, 'kb/a (2).txt')).toBe(sha256('c/a.txt'));

    const named = await copyRequest(app, src, {
      keys: ['c/a.txt'],
      prefixes: ['c/sub/'],
      to: { bucket: dst, prefix: 'kb/' },
      conflict: 'keepBoth',
    });
    expect(named.json()).toEqual({ copied: 2, skipped: 0, errors: [], cancelled: false });
    expect(await exists(s3, dst, 'kb/a (3).txt')).toBe(true);
    expect(await exists(s3, dst, 'kb/sub/c (2).txt')).toBe(true);
  });

  it('a key onto itself: keepBoth duplicates it, otherwise 400 (one key) or a per-key error', async () => {
    const self = { bucket: src, prefix: 'c/' };
    const one = await copyRequest(app, src, { keys: ['c/a.txt'], to: self, conflict: 'overwrite' });
    expect(one.statusCode).toBe(400);
    expect(one.json().message).toBe(
      'c/a.txt cannot be copied onto itself; choose "keep both" to duplicate it',
    );
    const two = await copyRequest(app, src, {
      keys: ['c/a.txt', 'c/b.txt'],
      to: self,
      conflict: 'overwrite',
    });
    expect(two.json()).toMatchObject({
      copied: 0,
      errors: [{ key: 'c/a.txt', code: 'BadRequest' }, { key: 'c/b.txt' }],
    });
    const dup = await copyRequest(app, src, { keys: ['c/b.txt'], to: self, conflict: 'keepBoth' });
    expect(dup.json()).toEqual({ copied: 1, skipped: 0, errors: [], cancelled: false });
    expect(await storedSha(s3, src, 'c/b (1).txt')).toBe(sha256('c/b.txt'));
  });
});

describe('a folder copied onto itself', () => {
  it('keepBoth duplicates each object beside itself', async () => {
    await putMany(s3, src, ['dup/a.txt', 'dup/s/b']);
    const res = await copyRequest(app, src, {
      prefix: 'dup/',
      to: { bucket: src, prefix: 'dup/' },
      conflict: 'keepBoth',
    });
    expect(res.json()).toEqual({ copied: 2, skipped: 0, errors: [], cancelled: false });
    expect(await sorted(src, 'dup/')).toEqual([
      'dup/a (1).txt',
      'dup/a.txt',
      'dup/s/b',
      'dup/s/b (1)',
    ]);
  });

  it('otherwise 400', async () => {
    const res = await copyRequest(app, src, {
      prefix: 'dup/',
      to: { bucket: src, prefix: 'dup/' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe(
      'The folder dup/ cannot be copied onto itself; choose "keep both" to duplicate it',
    );
  });
});

describe('refused before any work', () => {
  it.each([
    ['onto itself', 'f/', 'The folder f/ cannot be moved onto itself'],
    ['into its own subfolder', 'f/g/', 'The folder f/ cannot be moved into its own subfolder f/g/'],
  ])('moving a folder %s: 400', async (_, to, message) => {
    await putMany(s3, src, ['f/x.txt', 'f/g/y.txt']);
    const res = await copyRequest(app, src, {
      prefix: 'f/',
      to: { bucket: src, prefix: to },
      move: true,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'BadRequest', message });
    expect(await sorted(src, 'f/')).toEqual(['f/g/y.txt', 'f/x.txt']);
  });

  it('a missing destination bucket: 404 NoSuchBucket, every source kept', async () => {
    await putMany(s3, src, ['nb/a.txt', 'nb/b.txt']);
    const res = await copyRequest(app, src, {
      prefix: 'nb/',
      to: { bucket: `${dst}-missing`, prefix: '' },
      move: true,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({
      code: 'NoSuchBucket',
      message: `The bucket ${dst}-missing does not exist`,
    });
    expect(await sorted(src, 'nb/')).toEqual(['nb/a.txt', 'nb/b.txt']);
  });

  it('a missing source bucket: 404 NoSuchBucket', async () => {
    const res = await copyRequest(app, `${src}-missing`, {
      prefix: 'x/',
      to: { bucket: dst, prefix: '' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NoSuchBucket');
  });

  it('a destination bucket outside the allowlist: 403 BucketNotAllowed, nothing written', async () => {
    await putMany(s3, src, ['al/a.txt']);
    const limited = await build({}, { profile: { buckets: [src] } });
    apps.push(limited);
    const res = await copyRequest(limited, src, {
      prefix: 'al/',
      to: { bucket: dst, prefix: 'al/' },
      move: true,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({
      code: 'BucketNotAllowed',
      message: `This connection may not use the bucket ${dst}`,
    });
    expect(await listKeys(s3, dst, 'al/')).toEqual([]);
    expect(await listKeys(s3, src, 'al/')).toEqual(['al/a.txt']);
  });

  it('a read-only profile: 403', async () => {
    const ro = await build({}, { profile: { readOnly: true } });
    apps.push(ro);
    const res = await copyRequest(ro, src, {
      keys: ['c/a.txt'],
      to: { bucket: dst, prefix: 'ro/' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('ReadOnly');
    expect(await listKeys(s3, dst, 'ro/')).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ['no keys', { keys: [], to: { bucket: 'bkt', prefix: '' } }, 'Name at least one key or prefix'],
    ['a folder without "/"', { prefix: 'p', to: { bucket: 'bkt', prefix: '' } }, 'ends with "/"'],
    [
      'half a name as the destination',
      { prefix: 'p/', to: { bucket: 'bkt', prefix: 'q' } },
      'The destination prefix is "" (the bucket root) or ends with "/"',
    ],
    [
      'the bucket root as a folder',
      { prefix: '', to: { bucket: 'bkt', prefix: '' } },
      'bucket root',
    ],
    [
      'an unknown conflict mode',
      { keys: ['a'], to: { bucket: 'bkt', prefix: '' }, conflict: 'merge' },
      'conflict',
    ],
  ])('a bad body (%s): 400', async (_, body, message) => {
    const res = await copyRequest(app, src, body as never);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(message);
  });

  it('"to.key" with more than one key: 400', async () => {
    const res = await copyRequest(app, src, {
      keys: ['c/a.txt', 'c/b.txt'],
      to: { bucket: dst, key: 'x' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('"to.key" names the destination of exactly one key');
  });

  it('keys the connection will not send are per-key errors, never sent', async () => {
    await putMany(s3, src, ['bad/ok.txt']);
    const keys = ['bad/ok.txt', 'bad/../../escape.txt', ...(onEmbedded ? ['bad/a/../b.txt'] : [])];
    const res = await copyRequest(app, src, { keys, to: { bucket: dst, prefix: 'bad/' } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ copied: 1, skipped: 0, cancelled: false });
    expect(body.errors.map((e: { key: string; code: string }) => [e.key, e.code])).toEqual(
      keys.slice(1).map((k) => [k, 'UnsafeKey']),
    );
    expect(await listKeys(s3, dst, 'bad/')).toEqual(['bad/ok.txt']);
  });
});
