import { randomBytes } from 'node:crypto';
import {
  HeadObjectCommand,
  PutObjectCommand,
  PutObjectTaggingCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { encodeMetadataValue, decodeMetadataValue } from '@stowage/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, createBucket, fixtureClient, onEmbedded, q, type TestApp } from '../helper.js';
import { sdkCalls, sha256, storedSha } from '../fixtures.js';

const MiB = 1024 * 1024;
const s3 = fixtureClient();
let app: TestApp;
let bucket: string;

const expires = new Date('2030-01-02T03:04:05Z');
const headers = {
  ContentType: 'application/json',
  CacheControl: 'max-age=60',
  ContentDisposition: 'inline; filename="r.json"',
  ContentEncoding: 'identity',
  ContentLanguage: 'en-GB',
  Expires: expires,
};
const tags = [
  { key: 'team', value: 'data' },
  { key: 'env', value: 'prod' },
];

/** An object with every system header, metadata and two tags, written by another client. */
async function seed(client: S3Client, key: string, body: Buffer): Promise<void> {
  await client.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: body,
      ...headers,
      Metadata: { owner: 'alice', 'project-id': '42' },
    }),
  );
  await client.send(
    new PutObjectTaggingCommand({
      Bucket: bucket,
      Key: key,
      Tagging: { TagSet: tags.map((t) => ({ Key: t.key, Value: t.value })) },
    }),
  );
}

beforeAll(async () => {
  app = await build();
  bucket = await createBucket(app, 'meta');
});
afterAll(() => app.close());

const edit = (key: string, body: unknown, target: TestApp = app) =>
  target.inject({
    method: 'PUT',
    url: `/api/buckets/${bucket}/object/metadata?${q({ key })}`,
    payload: body as object,
  });
const details = async (key: string) =>
  (await app.inject(`/api/buckets/${bucket}/object?${q({ key })}`)).json();
const tagsOf = async (key: string) =>
  (await app.inject(`/api/buckets/${bucket}/object/tags?${q({ key })}`)).json().tags;

/** What a metadata edit must never change. */
const untouched = {
  cacheControl: 'max-age=60',
  contentDisposition: 'inline; filename="r.json"',
  contentEncoding: 'identity',
  contentLanguage: 'en-GB',
};

describe('PUT /api/buckets/:bucket/object/metadata', () => {
  it('replaces the metadata; the bytes, every header not edited and the tags stay', async () => {
    const body = randomBytes(MiB + 7);
    await seed(s3, 'm/report.json', body);
    const res = await edit('m/report.json', {
      metadata: { owner: 'bob', reviewed: 'yes', 'full-name': 'Bob  B' },
    });
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d).toMatchObject({
      key: 'm/report.json',
      size: body.length,
      contentType: 'application/json',
      ...untouched,
      metadata: { owner: 'bob', reviewed: 'yes', 'full-name': 'Bob  B' },
    });
    expect(new Date(d.expires).toISOString()).toBe(expires.toISOString());
    expect(await tagsOf('m/report.json')).toEqual(expect.arrayContaining(tags));
    expect(await tagsOf('m/report.json')).toHaveLength(2);
    expect(await details('m/report.json')).toEqual(d);
    expect(await storedSha(s3, bucket, 'm/report.json')).toBe(sha256(body));
  });

  it('sets, removes and keeps system headers as asked', async () => {
    const body = randomBytes(1000);
    await seed(s3, 'm/headers.json', body);
    const res = await edit('m/headers.json', {
      metadata: { owner: 'alice' },
      contentType: 'text/csv',
      cacheControl: null,
      contentLanguage: 'fr',
      expires: '2031-05-06T07:08:09Z',
    });
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d).toMatchObject({
      contentType: 'text/csv',
      cacheControl: null,
      contentDisposition: untouched.contentDisposition,
      contentEncoding: untouched.contentEncoding,
      contentLanguage: 'fr',
      metadata: { owner: 'alice' },
    });
    expect(new Date(d.expires).toISOString()).toBe('2031-05-06T07:08:09.000Z');
    expect(await tagsOf('m/headers.json')).toHaveLength(2);
    expect(await storedSha(s3, bucket, 'm/headers.json')).toBe(sha256(body));
  });

  it('keeps "_" in metadata names where the store does (s3rver); says so where not (Ceph)', async () => {
    await seed(s3, 'm/underscore.txt', Buffer.from('u'));
    const res = await edit('m/underscore.txt', { metadata: { owner_name: 'bob' } });
    if (onEmbedded) {
      expect(res.statusCode).toBe(200);
      expect(res.json().metadata).toEqual({ owner_name: 'bob' });
    } else {
      // Ceph RGW 16 stores x-amz-meta-owner_name as owner-name: the edit did not apply as asked.
      expect(res.statusCode).toBe(502);
      expect(res.json().message).toBe(
        'The store accepted the change but did not apply it (metadata "owner-name", metadata "owner_name")',
      );
    }
  });

  it('round-trips unicode metadata as RFC 2047 words', async () => {
    await seed(s3, 'm/unicode.txt', Buffer.from('u'));
    const text = 'Zoë — 日本語 🎉';
    const res = await edit('m/unicode.txt', { metadata: { note: encodeMetadataValue(text) } });
    expect(res.statusCode).toBe(200);
    expect(decodeMetadataValue(res.json().metadata.note)).toBe(text);
  });

  it('edits objects with unusual keys', async () => {
    const key = "m/中文 ü+%20#?&=;'(x).txt";
    await seed(s3, key, Buffer.from('k'));
    const res = await edit(key, { metadata: { a: '1' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().metadata).toEqual({ a: '1' });
  });

  it('answers 409 when the object changed since the form was loaded, and changes nothing', async () => {
    await seed(s3, 'm/stale.json', Buffer.from('v1'));
    const loaded = await details('m/stale.json');
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'm/stale.json', Body: 'v2!' }));
    const res = await edit('m/stale.json', { metadata: { x: '1' }, ifMatch: loaded.etag });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('The object changed since you opened it; reload and try again');
    expect((await details('m/stale.json')).metadata).toEqual({});
  });

  it('goes ahead when ifMatch is the current ETag', async () => {
    await seed(s3, 'm/fresh.json', Buffer.from('v1'));
    const loaded = await details('m/fresh.json');
    const res = await edit('m/fresh.json', { metadata: { x: '1' }, ifMatch: loaded.etag });
    expect(res.statusCode).toBe(200);
    expect(res.json().metadata).toEqual({ x: '1' });
  });

  it('copies only if the object is still the one just read (a write in between: 409)', async () => {
    await seed(s3, 'm/race.json', Buffer.from('mine'));
    const racer = await build();
    // Another client rewrites the object between the app's HEAD and its CopyObject.
    racer.objectStore.aroundSends(async (command, _input, send) => {
      if (command === 'CopyObject') {
        await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'm/race.json', Body: 'theirs' }));
      }
      return send();
    });
    const res = await edit('m/race.json', { metadata: { x: '1' } }, racer);
    await racer.close();
    if (onEmbedded) {
      // s3rver ignores x-amz-copy-source-if-match: the newer bytes are copied with the edit.
      expect(res.statusCode).toBe(200);
    } else {
      expect(res.statusCode).toBe(409);
      expect(res.json().message).toBe(
        'The object changed since you opened it; reload and try again',
      );
      const h = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'm/race.json' }));
      expect(h.Metadata).toEqual({});
    }
    expect(await storedSha(s3, bucket, 'm/race.json')).toBe(sha256('theirs'));
  });

  it('answers 502, never success, when the store accepts the copy but does not apply it', async () => {
    await seed(s3, 'm/ignored.json', Buffer.from('x'));
    const lossy = await build();
    // Stands in for a store that drops part of the request: the new metadata never arrives.
    lossy.objectStore.aroundSends(async (command, input, send) => {
      const metadata = input.Metadata as Record<string, string> | undefined;
      if (command === 'CopyObject' && metadata) {
        const { reviewed: _dropped, ...kept } = metadata;
        input.Metadata = kept;
      }
      return send();
    });
    const res = await edit(
      'm/ignored.json',
      { metadata: { owner: 'alice', reviewed: 'yes' } },
      lossy,
    );
    await lossy.close();
    expect(res.statusCode).toBe(502);
    expect(res.json().message).toBe(
      'The store accepted the change but did not apply it (metadata "reviewed")',
    );
  });

  it('answers 404 for a missing object', async () => {
    const res = await edit('m/missing.json', { metadata: {} });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe('The object does not exist');
  });

  it.each<[string, unknown, string]>([
    [
      'an upper-case name',
      { metadata: { Owner: 'x' } },
      'metadata.Owner: Metadata names use lowercase letters, digits, "-" and "_" only',
    ],
    [
      'a space in a name',
      { metadata: { 'a b': 'x' } },
      'metadata.a b: Metadata names use lowercase letters, digits, "-" and "_" only',
    ],
    [
      'a raw non-ASCII value',
      { metadata: { owner: 'Zoë' } },
      'metadata.owner: Metadata values are printable ASCII; encode other text as RFC 2047 words (=?UTF-8?B?…?=)',
    ],
    [
      'metadata over 2 KB',
      { metadata: { big: 'x'.repeat(2046) } },
      "metadata: User metadata is over S3's limit of 2048 bytes (names and values together)",
    ],
    [
      'a bad Expires',
      { metadata: {}, expires: 'soon' },
      'expires: Expires is a date (ISO 8601 or an HTTP date)',
    ],
    [
      'a non-ASCII header',
      { metadata: {}, contentType: 'text/plain; ü' },
      'contentType: Content-Type is printable ASCII',
    ],
    ['no metadata', { contentType: 'text/plain' }, 'metadata: '],
  ])('refuses %s with 400 and writes nothing', async (_label, body, message) => {
    await seed(s3, 'm/bad.json', Buffer.from('b'));
    const before = await details('m/bad.json');
    const res = await edit('m/bad.json', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().message.startsWith(message)).toBe(true);
    expect(await details('m/bad.json')).toEqual(before);
  });

  it.each([
    ['', 'key: The object key is empty'],
    ['k'.repeat(1025), 'key: The object key is longer than 1024 bytes (UTF-8)'],
  ])('refuses a bad key %#', async (key, message) => {
    const res = await edit(key, { metadata: {} });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe(message);
  });
});

describe('metadata edit of an object over the copy threshold', () => {
  it('rewrites it in parts where the store can (Ceph), or in one copy (s3rver); same bytes', async () => {
    const body = randomBytes(12 * MiB + 11);
    await seed(s3, 'm/large.bin', body);
    const tiny = await build({ multipartCopyThresholdBytes: 5 * MiB });
    const calls = sdkCalls(tiny.objectStore);
    const res = await edit(
      'm/large.bin',
      { metadata: { big: 'yes' }, contentType: 'application/x-big' },
      tiny,
    );
    await tiny.close();
    expect(res.statusCode).toBe(200);
    const commands = calls.map((c) => c.command);
    if (onEmbedded) {
      // s3rver has no UploadPartCopy (501) and copies any size in one CopyObject.
      expect(commands).toContain('CopyObject');
      expect(commands).not.toContain('UploadPartCopy');
    } else {
      expect(commands).not.toContain('CopyObject');
      expect(commands.filter((c) => c === 'UploadPartCopy')).toHaveLength(3);
      expect(commands).toContain('CompleteMultipartUpload');
      expect(res.json().etag).toMatch(/-3"$/);
    }
    expect(res.json()).toMatchObject({
      size: body.length,
      contentType: 'application/x-big',
      ...untouched,
      metadata: { big: 'yes' },
    });
    expect(await tagsOf('m/large.bin')).toEqual(expect.arrayContaining(tags));
    expect(await storedSha(s3, bucket, 'm/large.bin')).toBe(sha256(body));
  });
});
