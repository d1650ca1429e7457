import { createHash } from 'node:crypto';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, createBucket, fixtureClient, onEmbedded, q, type TestApp } from '../helper.js';

let app: TestApp;
let bucket: string;
const s3 = fixtureClient();

const longKey = 'rt/' + ('a'.repeat(200) + '/').repeat(4) + 'b'.repeat(217);
/** Keys every store must hold and Stowage must carry exactly. */
const keys = [
  'rt/with space.txt',
  'rt/plus+sign.txt',
  'rt/percent%20literal%.txt',
  'rt/hash#tag.txt',
  'rt/question?mark.txt',
  'rt/amp&and=equals.txt',
  'rt/中文/日本語 ファイル/한국어.txt',
  'rt/emoji 🎉🚀.txt',
  'rt/accents/éàü ñ Ω.txt',
  `rt/<angle> "double" 'single'.txt`,
  'rt/  spaced  out  .txt',
  'rt/tab\there.txt',
  'rt/trailing-slash/',
  longKey,
];
/** Keys the embedded s3rver cannot hold safely; real S3 servers hold them. */
const unsafeOnEmbedded = [
  'rt/dots/../up.txt',
  'rt//double.txt',
  '/rt/leading.txt',
  `rt/${'L'.repeat(300)}.txt`,
];
const bodyOf = (key: string) => `body of ${key}`;
const sha = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');

beforeAll(async () => {
  app = await build();
  bucket = await createBucket(app, 'keys');
  const toPut = onEmbedded ? keys : [...keys, ...unsafeOnEmbedded];
  for (const key of toPut)
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: bodyOf(key) }));
});
afterAll(() => app.close());

const details = (key: string) => app.inject(`/api/buckets/${bucket}/object?${q({ key })}`);
const content = (key: string) => app.inject(`/api/buckets/${bucket}/object/content?${q({ key })}`);

describe('keys round-trip exactly through listing, details and content', () => {
  it('1,024-byte key is really 1,024 bytes', () => {
    expect(Buffer.byteLength(longKey)).toBe(1024);
  });

  it('lists every key exactly once', async () => {
    const res = await app.inject(
      `/api/buckets/${bucket}/objects?${q({ prefix: 'rt/', delimiter: '' })}`,
    );
    expect(res.statusCode).toBe(200);
    const listed: string[] = res.json().objects.map((o: { key: string }) => o.key);
    const expected = onEmbedded
      ? keys
      : [...keys, ...unsafeOnEmbedded].filter((k) => k.startsWith('rt/'));
    expect([...listed].sort()).toEqual([...expected].sort());
  });

  it('shows the folders of the special keys', async () => {
    const res = await app.inject(`/api/buckets/${bucket}/objects?${q({ prefix: 'rt/' })}`);
    expect(res.json().prefixes).toEqual(
      expect.arrayContaining(['rt/中文/', 'rt/accents/', 'rt/trailing-slash/']),
    );
  });

  it.each(keys)('details and content of %j', async (key) => {
    const d = await details(key);
    expect(d.statusCode).toBe(200);
    expect(d.json().key).toBe(key);
    expect(d.json().size).toBe(Buffer.byteLength(bodyOf(key)));
    const c = await content(key);
    expect(c.statusCode).toBe(200);
    expect(sha(c.rawPayload)).toBe(sha(bodyOf(key)));
  });

  describe.each(unsafeOnEmbedded)('key %j', (key) => {
    if (onEmbedded) {
      it('is refused by the API with a clear 400 on the embedded store', async () => {
        for (const res of [await details(key), await content(key)]) {
          expect(res.statusCode).toBe(400);
          expect(res.json().message).toMatch(
            /^This store keeps objects as files and cannot hold this key safely: it /,
          );
        }
      });
    } else {
      it('round-trips on a real S3 server', async () => {
        const d = await details(key);
        expect(d.statusCode).toBe(200);
        expect(d.json().key).toBe(key);
        const c = await content(key);
        expect(c.payload).toBe(bodyOf(key));
      });
    }
  });

  it('finds a key with a leading slash under its own prefix', async () => {
    const res = await app.inject(
      `/api/buckets/${bucket}/objects?${q({ prefix: '/', delimiter: '' })}`,
    );
    const listed = res.json().objects.map((o: { key: string }) => o.key);
    // On the embedded store nothing with a leading slash could be written.
    expect(listed).toEqual(onEmbedded ? [] : ['/rt/leading.txt']);
  });
});
