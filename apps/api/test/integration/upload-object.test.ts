import { randomBytes } from 'node:crypto';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { decodeMetadataValue, encodeMetadataValue } from '@stowage/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, createBucket, fixtureClient, onEmbedded, q, type TestApp } from '../helper.js';
import { exists, inProgressUploads, sdkCalls, sha256, storedSha } from '../fixtures.js';
import { multipartBody, socketChunks, uploadForm, type FormPart } from '../multipart.js';

const MiB = 1024 * 1024;
const s3 = fixtureClient();
let app: TestApp;
/** The same app with a 1 MiB upload limit. */
let small: TestApp;
/** And with a 10 MiB limit: over it, a multipart upload has already begun. */
let medium: TestApp;
let bucket: string;

beforeAll(async () => {
  app = await build();
  small = await build({}, { maxUploadBytes: MiB });
  medium = await build({}, { maxUploadBytes: 10 * MiB });
  bucket = await createBucket(app, 'upload');
});
afterAll(async () => {
  await Promise.all([app.close(), small.close(), medium.close()]);
});

const upload = (
  key: string,
  form: { payload: Buffer; contentType: string },
  target: TestApp = app,
) =>
  target.inject({
    method: 'POST',
    url: `/api/buckets/${bucket}/upload?${q({ key })}`,
    headers: { 'content-type': form.contentType },
    payload: socketChunks(form.payload),
  });

const head = (key: string) => s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));

describe('POST /api/buckets/:bucket/upload stores files byte-identical', () => {
  it('a 3 MiB file (over busboy’s 1 MiB default) arrives whole', async () => {
    const file = randomBytes(3 * MiB + 5);
    const res = await upload('up/three.bin', uploadForm(file, { contentType: 'image/webp' }));
    expect(res.statusCode).toBe(200);
    const h = await head('up/three.bin');
    expect(res.json()).toEqual({ key: 'up/three.bin', size: file.length, etag: h.ETag });
    expect(await storedSha(s3, bucket, 'up/three.bin')).toBe(sha256(file));
    expect(h.ContentType).toBe('image/webp');
  });

  it('a 20 MiB file with metadata goes up in parts, whole, with its metadata', async () => {
    const file = randomBytes(20 * MiB + 3);
    const form = uploadForm(file, {
      metadata: JSON.stringify({ owner: 'alice', 'project-id': '42' }),
      size: String(file.length),
    });
    const calls = sdkCalls(app.objectStore);
    const res = await upload('up/twenty.bin', form);
    expect(res.statusCode).toBe(200);
    // 8 MiB parts: three of them, completed as one object.
    expect(calls.filter((c) => c.command === 'UploadPart')).toHaveLength(3);
    const h = await head('up/twenty.bin');
    expect(res.json()).toEqual({ key: 'up/twenty.bin', size: file.length, etag: h.ETag });
    // Ceph 16 completes with an empty ETag; the answer carries the real one.
    expect(res.json().etag).toMatch(/^"[0-9a-f]{32}(-3)?"$/);
    expect(h.Metadata).toEqual({ owner: 'alice', 'project-id': '42' });
    expect(await storedSha(s3, bucket, 'up/twenty.bin')).toBe(sha256(file));
  });

  it('takes the file part’s type when no contentType field is sent', async () => {
    const res = await upload('up/page.html', uploadForm(Buffer.from('<p>hi</p>'), {}, 'text/html'));
    expect(res.statusCode).toBe(200);
    expect((await head('up/page.html')).ContentType).toBe('text/html');
  });

  it('stores an empty file', async () => {
    const res = await upload('up/empty.txt', uploadForm(Buffer.alloc(0)));
    expect(res.statusCode).toBe(200);
    expect(res.json().size).toBe(0);
    expect((await head('up/empty.txt')).ContentLength).toBe(0);
  });

  it('round-trips unicode metadata as RFC 2047 words', async () => {
    const text = 'Zoë Ölçer — 日本語 🎉';
    const res = await upload(
      'up/unicode.txt',
      uploadForm(Buffer.from('x'), {
        metadata: JSON.stringify({ note: encodeMetadataValue(text) }),
      }),
    );
    expect(res.statusCode).toBe(200);
    const details = await app.inject(
      `/api/buckets/${bucket}/object?${q({ key: 'up/unicode.txt' })}`,
    );
    expect(decodeMetadataValue(details.json().metadata.note)).toBe(text);
  });

  it('metadata names with "_": s3rver keeps them, Ceph stores "-" instead', async () => {
    const form = uploadForm(Buffer.from('x'), { metadata: JSON.stringify({ owner_name: 'a' }) });
    expect((await upload('up/underscore.txt', form)).statusCode).toBe(200);
    // Ceph RGW 16 maps x-amz-meta-owner_name to owner-name; the details show what is stored.
    expect((await head('up/underscore.txt')).Metadata).toEqual(
      onEmbedded ? { owner_name: 'a' } : { 'owner-name': 'a' },
    );
  });

  it('accepts a file of exactly the limit', async () => {
    const file = randomBytes(MiB);
    const res = await upload('up/exact.bin', uploadForm(file), small);
    expect(res.statusCode).toBe(200);
    expect(await storedSha(s3, bucket, 'up/exact.bin')).toBe(sha256(file));
  });

  it('keeps unusual keys exactly', async () => {
    const key = 'up/中文 #?&=%20+.txt';
    const res = await upload(key, uploadForm(Buffer.from('k')));
    expect(res.statusCode).toBe(200);
    expect(await exists(s3, bucket, key)).toBe(true);
  });

  it('applies the embedded store’s key policy (a real store takes such keys)', async () => {
    const res = await upload('up/dots/../escape.txt', uploadForm(Buffer.from('k')));
    if (onEmbedded) {
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toMatch(
        /^This store keeps objects as files and cannot hold this key safely/,
      );
      expect(await exists(s3, bucket, 'up/escape.txt')).toBe(false);
    } else {
      expect(res.statusCode).toBe(200);
      expect(await exists(s3, bucket, 'up/dots/../escape.txt')).toBe(true);
    }
  });
});

describe('upload: too large', () => {
  it('answers 413 just over the limit, and stores nothing', async () => {
    const res = await upload('big/over.bin', uploadForm(randomBytes(MiB + 1)), small);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({
      statusCode: 413,
      code: 'PayloadTooLarge',
      error: 'Payload Too Large',
      message: `The file is larger than the upload limit of ${MiB} bytes; nothing was stored`,
      requestId: expect.any(String),
    });
    expect(await exists(s3, bucket, 'big/over.bin')).toBe(false);
    if (!onEmbedded) expect(await inProgressUploads(s3, bucket)).toEqual([]);
  });

  it('aborts the multipart upload already under way, leaving nothing', async () => {
    const calls = sdkCalls(medium.objectStore);
    const res = await upload('big/partial.bin', uploadForm(randomBytes(12 * MiB)), medium);
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toMatch(/upload limit of 10485760 bytes/);
    // Part 1 (8 MiB) went up before the limit was hit: the upload had to be aborted.
    expect(calls.map((c) => c.command)).toEqual(
      expect.arrayContaining(['CreateMultipartUpload', 'UploadPart', 'AbortMultipartUpload']),
    );
    expect(calls.map((c) => c.command)).not.toContain('CompleteMultipartUpload');
    const abort = calls.find((c) => c.command === 'AbortMultipartUpload');
    // s3rver does not implement AbortMultipartUpload (405): its parts stay in its directory.
    expect(abort?.status).toBe(onEmbedded ? 405 : 204);
    expect(await exists(s3, bucket, 'big/partial.bin')).toBe(false);
    if (!onEmbedded) expect(await inProgressUploads(s3, bucket)).toEqual([]);
  });

  it('refuses at once when the announced size is over the limit', async () => {
    const calls = sdkCalls(small.objectStore);
    const form = uploadForm(Buffer.from('tiny'), { size: String(2 * MiB) });
    const res = await upload('big/announced.bin', form, small);
    expect(res.statusCode).toBe(413);
    expect(calls).toEqual([]);
  });
});

describe('upload: bad forms are refused with 400 and write nothing', () => {
  const file = { name: 'file', value: 'data', filename: 'a.txt' };
  it.each<[string, FormPart[], string]>([
    ['no file part', [{ name: 'contentType', value: 'text/plain' }], 'The form has no file'],
    [
      'an unknown field',
      [{ name: 'colour', value: 'red' }, file],
      'Unknown form field "colour"; an upload form has the fields contentType, metadata, size (all optional), then one file',
    ],
    [
      'a field after the file',
      [file, { name: 'contentType', value: 'text/plain' }],
      'The form field "contentType" comes after the file',
    ],
    ['two files', [file, { ...file, name: 'file2' }], 'The form has more than one file'],
    [
      'a field twice',
      [{ name: 'size', value: '1' }, { name: 'size', value: '2' }, file],
      'The form field "size" is sent twice',
    ],
    [
      'a field over 8 KiB',
      [{ name: 'contentType', value: 'x'.repeat(9000) }, file],
      'The form field "contentType" is over 8 KiB',
    ],
    [
      'metadata that is not JSON',
      [{ name: 'metadata', value: '{owner:' }, file],
      'metadata: The metadata field is not valid JSON',
    ],
    [
      'an invalid metadata name',
      [{ name: 'metadata', value: '{"Owner":"x"}' }, file],
      'metadata.Owner: Metadata names use lowercase letters, digits, "-" and "_" only',
    ],
    [
      'a raw non-ASCII metadata value',
      [{ name: 'metadata', value: '{"owner":"Zoë"}' }, file],
      'metadata.owner: Metadata values are printable ASCII; encode other text as RFC 2047 words (=?UTF-8?B?…?=)',
    ],
    [
      'metadata over 2 KB',
      [{ name: 'metadata', value: JSON.stringify({ big: 'x'.repeat(2046) }) }, file],
      "metadata: User metadata is over S3's limit of 2048 bytes (names and values together)",
    ],
    [
      'a control character in contentType',
      [{ name: 'contentType', value: 'text/plain\u0007' }, file],
      'contentType: Content-Type is printable ASCII',
    ],
    ['a size that is not a number', [{ name: 'size', value: 'lots' }, file], 'size: '],
  ])('%s', async (_label, parts, message) => {
    const key = `bad/${_label.replaceAll(' ', '-')}.txt`;
    const calls = sdkCalls(app.objectStore);
    const res = await upload(key, multipartBody(parts));
    expect(res.statusCode).toBe(400);
    expect(res.json().message.startsWith(message)).toBe(true);
    expect(calls).toEqual([]);
    expect(await exists(s3, bucket, key)).toBe(false);
  });

  it.each([
    ['', 'key: The object key is empty'],
    ['k'.repeat(1025), 'key: The object key is longer than 1024 bytes (UTF-8)'],
  ])('refuses a bad key %#', async (key, message) => {
    const res = await upload(key, uploadForm(Buffer.from('x')));
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe(message);
  });

  it('refuses a body that is not a multipart form', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/buckets/${bucket}/upload?${q({ key: 'bad/json.txt' })}`,
      payload: { file: 'x' },
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().message).toBe('An upload is a multipart/form-data request');
  });

  it('answers 404 for a missing bucket', async () => {
    const form = uploadForm(Buffer.from('x'));
    const res = await app.inject({
      method: 'POST',
      url: `/api/buckets/no-such-bucket-${Date.now()}/upload?${q({ key: 'x.txt' })}`,
      headers: { 'content-type': form.contentType },
      payload: form.payload,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe('The bucket does not exist');
  });
});
