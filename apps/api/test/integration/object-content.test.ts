import { createHash, randomBytes } from 'node:crypto';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, createBucket, fixtureClient, q, type TestApp } from '../helper.js';

let app: TestApp;
let bucket: string;
const s3 = fixtureClient();
const big = randomBytes(12 * 1024 * 1024 + 17);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  app = await build();
  bucket = await createBucket(app, 'content');
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'big.bin', Body: big }));
  await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: 'hello.txt',
      Body: '0123456789',
      ContentType: 'text/plain',
    }),
  );
  await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: 'page.html',
      Body: '<script>alert(1)</script>',
      ContentType: 'text/html',
    }),
  );
});
afterAll(() => app.close());

const url = (key: string, extra: Record<string, string> = {}) =>
  `/api/buckets/${bucket}/object/content?${q({ key, ...extra })}`;

describe('GET /api/buckets/:bucket/object/content', () => {
  it('streams a 12 MiB object byte-identical with length, ETag and dates', async () => {
    const res = await app.inject(url('big.bin'));
    expect(res.statusCode).toBe(200);
    expect(sha(res.rawPayload)).toBe(sha(big));
    expect(res.headers['content-length']).toBe(String(big.length));
    expect(res.headers['etag']).toMatch(/^"[0-9a-f]{32}"$/);
    expect(Date.parse(String(res.headers['last-modified']))).not.toBeNaN();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['accept-ranges']).toBe('bytes');
  });

  it('serves a range with 206 and Content-Range', async () => {
    const res = await app.inject({ url: url('hello.txt'), headers: { range: 'bytes=2-5' } });
    expect(res.statusCode).toBe(206);
    expect(res.payload).toBe('2345');
    expect(res.headers['content-range']).toBe('bytes 2-5/10');
    expect(res.headers['content-length']).toBe('4');
    expect(res.headers['content-type']).toBe('text/plain');
  });

  it('serves an open-ended range', async () => {
    const res = await app.inject({ url: url('hello.txt'), headers: { range: 'bytes=7-' } });
    expect(res.statusCode).toBe(206);
    expect(res.payload).toBe('789');
  });

  it('serves a suffix range (the last N bytes), even on the embedded store', async () => {
    const res = await app.inject({ url: url('hello.txt'), headers: { range: 'bytes=-3' } });
    expect(res.statusCode).toBe(206);
    expect(res.payload).toBe('789');
    expect(res.headers['content-range']).toBe('bytes 7-9/10');
  });

  it('answers 416 for a range beyond the end', async () => {
    const res = await app.inject({ url: url('hello.txt'), headers: { range: 'bytes=50-60' } });
    expect(res.statusCode).toBe(416);
    expect(res.json().message).toBe('The requested range is outside the object');
  });

  it('ignores a malformed or multi-part range and sends the whole object', async () => {
    const res = await app.inject({ url: url('hello.txt'), headers: { range: 'bytes=0-1,4-5' } });
    expect(res.statusCode).toBe(200);
    expect(res.payload).toBe('0123456789');
  });

  it('sends an attachment with an RFC 6266/5987 filename for download=1', async () => {
    const res = await app.inject(url('hello.txt', { download: '1' }));
    expect(res.headers['content-disposition']).toBe('attachment; filename=hello.txt');
    const inline = await app.inject(url('hello.txt'));
    expect(inline.headers['content-disposition']).toBe('inline; filename=hello.txt');
  });

  it('names a unicode download with a fallback and an RFC 5987 filename*', async () => {
    const key = 'dir/Résumé 日本 🎉.txt';
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'r' }));
    const res = await app.inject(url(key, { download: '1' }));
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="R?sum? ?? ??.txt"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%E6%97%A5%E6%9C%AC%20%F0%9F%8E%89.txt`,
    );
  });

  it('never lets stored HTML run as a page of the app', async () => {
    const res = await app.inject(url('page.html'));
    expect(res.headers['content-security-policy']).toBe('sandbox');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it.each<[string, string, string]>([
    ['page.html', 'text/html', '<script>alert(1)</script>'],
    [
      'logo.svg',
      'image/svg+xml',
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    ],
    ['feed.xml', 'application/xml', '<x/>'],
    ['app.js', 'text/javascript', 'alert(1)'],
    ['data.bin', 'application/octet-stream', 'x'],
  ])('serves %s (%s) as an attachment under CSP sandbox', async (key, contentType, body) => {
    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: `active/${key}`,
        Body: body,
        ContentType: contentType,
      }),
    );
    const res = await app.inject(url(`active/${key}`));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; /);
    expect(res.headers['content-security-policy']).toBe('sandbox');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it.each<[string, string]>([
    ['note.txt', 'text/plain; charset=utf-8'],
    ['pic.png', 'image/png'],
    ['data.json', 'application/json'],
    ['clip.mp4', 'video/mp4'],
  ])('shows %s (%s) inline, still sandboxed', async (key, contentType) => {
    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: `passive/${key}`,
        Body: 'x',
        ContentType: contentType,
      }),
    );
    const res = await app.inject(url(`passive/${key}`));
    expect(res.headers['content-disposition']).toMatch(/^inline; /);
    expect(res.headers['content-security-policy']).toBe('sandbox');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers 404 with JSON for a missing object', async () => {
    const res = await app.inject(url('nope.bin'));
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe('The object does not exist');
  });

  it('refuses download=maybe', async () => {
    const res = await app.inject(url('hello.txt', { download: 'maybe' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('download: download is 1 or 0');
  });
});
