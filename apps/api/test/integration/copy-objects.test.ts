import { randomBytes } from 'node:crypto';
import {
  GetObjectTaggingCommand,
  HeadObjectCommand,
  PutObjectCommand,
  PutObjectTaggingCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, createBucket, fixtureClient, onEmbedded, type TestApp } from '../helper.js';
import { listKeys, sdkCalls, sha256, storedSha } from '../fixtures.js';
import { copyRequest, numbered, putMany } from '../organize.js';
import { runBoto3 } from '../boto3-script.js';

const MiB = 1024 * 1024;
const s3 = fixtureClient();
let app: TestApp;
let src: string;
let dst: string;

beforeAll(async () => {
  app = await build();
  src = await createBucket(app, 'copy-src');
  dst = await createBucket(app, 'copy-dst');
});
afterAll(() => app.close());

/** Spaces, `+ % # ? &`, unicode; `//` where the store can hold it (s3rver cannot). */
const NASTY = [
  'sp ace.txt',
  'plus+pct%25 hash#q?amp&.txt',
  'ünï/cødé ✓ 日本.txt',
  ...(onEmbedded ? [] : ['a//double.txt']),
];

const headers = {
  ContentType: 'application/json',
  CacheControl: 'max-age=60',
  ContentDisposition: 'inline; filename="r.json"',
  ContentEncoding: 'identity',
  ContentLanguage: 'en-GB',
  Expires: new Date('2030-01-02T03:04:05Z'),
};
const tagSet = [
  { Key: 'team', Value: 'data' },
  { Key: 'env', Value: 'prod' },
];

/** An object with every system header, user metadata and two tags. */
async function seedRich(bucket: string, key: string, body: Buffer | string) {
  await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: body,
      ...headers,
      Metadata: { owner: 'alice', 'project-id': '42' },
    }),
  );
  await s3.send(
    new PutObjectTaggingCommand({ Bucket: bucket, Key: key, Tagging: { TagSet: tagSet } }),
  );
}

/** What a copy must keep: headers, metadata, size; and the tags. */
async function looks(bucket: string, key: string) {
  const h = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
  const t = await s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: key }));
  return {
    size: h.ContentLength,
    contentType: h.ContentType,
    cacheControl: h.CacheControl,
    contentDisposition: h.ContentDisposition,
    contentEncoding: h.ContentEncoding,
    contentLanguage: h.ContentLanguage,
    expires: h.ExpiresString ?? h.Expires?.toUTCString(),
    metadata: h.Metadata,
    tags: [...(t.TagSet ?? [])].sort((a, b) => a.Key!.localeCompare(b.Key!)),
  };
}

describe('copy and move with nasty keys', () => {
  it('copies a folder of them to another bucket, keys and bytes intact', async () => {
    const keys = NASTY.map((k) => `nasty/${k}`);
    await putMany(s3, src, keys);
    const res = await copyRequest(app, src, {
      prefix: 'nasty/',
      to: { bucket: dst, prefix: 'n/' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ copied: keys.length, skipped: 0, errors: [], cancelled: false });
    expect((await listKeys(s3, dst, 'n/')).sort()).toEqual(NASTY.map((k) => `n/${k}`).sort());
    for (const k of NASTY) expect(await storedSha(s3, dst, `n/${k}`)).toBe(sha256(`nasty/${k}`));
    expect((await listKeys(s3, src, 'nasty/')).sort()).toEqual(keys.sort());
  });

  it('moves a selection of them to another bucket: there, and gone from the source', async () => {
    const keys = NASTY.map((k) => `sel/${k.replace(/\//g, '_')}`);
    await putMany(s3, src, keys);
    const res = await copyRequest(app, src, {
      keys,
      to: { bucket: dst, prefix: 'moved/' },
      move: true,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ copied: keys.length, skipped: 0, errors: [], cancelled: false });
    const names = keys.map((k) => k.slice('sel/'.length));
    expect((await listKeys(s3, dst, 'moved/')).sort()).toEqual(
      names.map((n) => `moved/${n}`).sort(),
    );
    for (const k of keys) expect(await storedSha(s3, dst, `moved/${k.slice(4)}`)).toBe(sha256(k));
    expect(await listKeys(s3, src, 'sel/')).toEqual([]);
  });

  it('copies one of them to a named key', async () => {
    const key = `one/${NASTY[1]}`;
    await putMany(s3, src, [key]);
    const to = `named/${NASTY[2]}`;
    const res = await copyRequest(app, src, { keys: [key], to: { bucket: dst, key: to } });
    expect(res.json()).toEqual({ copied: 1, skipped: 0, errors: [], cancelled: false });
    expect(await storedSha(s3, dst, to)).toBe(sha256(key));
  });
});

describe('what a copy keeps', () => {
  it('keeps the body, Content-Type, every system header, user metadata and tags', async () => {
    const body = randomBytes(3000);
    await seedRich(src, 'rich/a.json', body);
    const res = await copyRequest(app, src, {
      keys: ['rich/a.json'],
      to: { bucket: dst, key: 'rich/copy.json' },
    });
    expect(res.json()).toEqual({ copied: 1, skipped: 0, errors: [], cancelled: false });
    expect(await looks(dst, 'rich/copy.json')).toEqual(await looks(src, 'rich/a.json'));
    expect((await looks(dst, 'rich/copy.json')).tags).toHaveLength(2);
    expect(await storedSha(s3, dst, 'rich/copy.json')).toBe(sha256(body));
  });

  it('re-applies the tags where the store drops them on a copy', async () => {
    await seedRich(src, 'rich/t.json', 'tagged');
    const dropping = await build();
    // Stands in for a store that drops tags on CopyObject (Ceph 16 does).
    dropping.objectStore.aroundSends(async (command, input, send) => {
      if (command === 'CopyObject') input.TaggingDirective = 'REPLACE';
      return send();
    });
    const res = await copyRequest(dropping, src, {
      prefix: 'rich/',
      to: { bucket: dst, prefix: 'dropped/' },
      conflict: 'overwrite',
    });
    await dropping.close();
    expect(res.json()).toMatchObject({ errors: [] });
    expect((await looks(dst, 'dropped/t.json')).tags).toEqual(
      [...tagSet].sort((a, b) => a.Key.localeCompare(b.Key)),
    );
  });

  it.skipIf(onEmbedded)('boto3 reads the copy as it reads the source', async () => {
    await seedRich(src, 'boto/a.json', 'for boto3');
    const res = await copyRequest(app, src, {
      keys: ['boto/a.json'],
      to: { bucket: dst, prefix: 'boto/' },
      move: true,
    });
    expect(res.json()).toMatchObject({ copied: 1, errors: [] });
    const copy = boto3Read(dst, 'boto/a.json');
    expect(copy).toMatchObject({
      contentType: 'application/json',
      cacheControl: 'max-age=60',
      metadata: { owner: 'alice', 'project-id': '42' },
      tags: { team: 'data', env: 'prod' },
      sha256: sha256('for boto3'),
    });
    expect(boto3Read(src, 'boto/a.json')).toBeNull();
  });
});

describe('folders over one listing page and one delete batch', () => {
  const keys = numbered('big/d/', 1500);

  it('copies 1,500 objects to another bucket, then moves them; every key accounted for', async () => {
    await putMany(s3, src, keys);
    const copy = await copyRequest(app, src, { prefix: 'big/', to: { bucket: dst, prefix: 'c/' } });
    expect(copy.statusCode).toBe(200);
    expect(copy.json()).toEqual({ copied: 1500, skipped: 0, errors: [], cancelled: false });
    const expected = keys.map((k) => `c/${k.slice(4)}`);
    expect((await listKeys(s3, dst, 'c/')).sort()).toEqual(expected);

    const move = await copyRequest(app, src, {
      prefix: 'big/',
      to: { bucket: dst, prefix: 'm/' },
      move: true,
    });
    expect(move.json()).toEqual({ copied: 1500, skipped: 0, errors: [], cancelled: false });
    expect((await listKeys(s3, dst, 'm/')).sort()).toEqual(keys.map((k) => `m/${k.slice(4)}`));
    expect(await listKeys(s3, src, 'big/')).toEqual([]);
    expect(await storedSha(s3, dst, 'm/d/1499')).toBe(sha256('big/d/1499'));
  }, 240_000);
});

describe('objects over the copy threshold', () => {
  it('copies in parts where the store can (Ceph), keeping headers, metadata and tags; else reports PartCopyUnsupported', async () => {
    const body = randomBytes(12 * MiB + 11);
    await seedRich(src, 'large/big.bin', body);
    await putMany(s3, src, ['large/small.txt']);
    const tiny = await build({ multipartCopyThresholdBytes: 5 * MiB });
    const calls = sdkCalls(tiny.objectStore);
    const res = await copyRequest(tiny, src, {
      prefix: 'large/',
      to: { bucket: dst, prefix: 'large/' },
      move: true,
    });
    await tiny.close();
    expect(res.statusCode).toBe(200);
    const commands = calls.map((c) => c.command);
    if (onEmbedded) {
      expect(res.json()).toEqual({
        copied: 1,
        skipped: 0,
        errors: [
          {
            key: 'large/big.bin',
            code: 'PartCopyUnsupported',
            message: `The object is larger than ${5 * MiB} bytes, which needs a copy in parts (UploadPartCopy), and this store does not support it`,
          },
        ],
        cancelled: false,
      });
      expect(calls.filter((c) => c.command === 'CopyObject')).toHaveLength(1);
      // Not attempted, and the source of the move stays.
      expect(await listKeys(s3, dst, 'large/')).toEqual(['large/small.txt']);
      expect(await listKeys(s3, src, 'large/')).toEqual(['large/big.bin']);
      return;
    }
    expect(res.json()).toEqual({ copied: 2, skipped: 0, errors: [], cancelled: false });
    expect(commands.filter((c) => c === 'UploadPartCopy')).toHaveLength(3);
    const copy = await looks(dst, 'large/big.bin');
    expect(copy).toMatchObject({
      size: body.length,
      ...{
        contentType: headers.ContentType,
        cacheControl: headers.CacheControl,
        contentDisposition: headers.ContentDisposition,
        contentEncoding: headers.ContentEncoding,
        contentLanguage: headers.ContentLanguage,
      },
      metadata: { owner: 'alice', 'project-id': '42' },
    });
    expect(copy.tags).toHaveLength(2);
    expect(await storedSha(s3, dst, 'large/big.bin')).toBe(sha256(body));
    expect(await listKeys(s3, src, 'large/')).toEqual([]);
  }, 120_000);
});

/** What boto3 (another S3 user) reads of one key: body digest, headers, metadata, tags. */
const boto3Read = (bucket: string, key: string): unknown =>
  runBoto3<Record<string, unknown>>('lab_flow.py', 'read', bucket, key)[key];
