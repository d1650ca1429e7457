import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicLinkUploadUrl, uploadLinksPath, type UploadLinkBody } from '@stowage/shared';
import { DEFAULT_LINK_PREFIX } from '../../src/config/profiles.js';
import { deleteLinkRecord, recordPlace } from '../../src/links/link-records.js';
import { signLinkToken } from '../../src/links/link-token.js';
import { deleteLinkReceipts, receiptFolder } from '../../src/links/upload-receipts.js';
import type { S3Store } from '../../src/store/s3-store.js';
import {
  build,
  createBucket,
  fixtureClient,
  onEmbedded,
  testKeys,
  TEST_PROFILE,
  type TestApp,
} from '../helper.js';
import { exists, inProgressUploads, listKeys, sdkCalls, sha256, storedSha } from '../fixtures.js';

const MiB = 1024 * 1024;
const s3 = fixtureClient();
const { accessKeyId, secretAccessKey } = testKeys();
const logLines: string[] = [];
let app: TestApp;
let base: string;
let bucket: string;
/** Every answer body this file saw, scanned for the secret key at the end. */
const answers: string[] = [];

beforeAll(async () => {
  app = await build(
    {},
    { logger: { level: 'info', stream: { write: (line: string) => void logLines.push(line) } } },
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  bucket = await createBucket(app, 'droplinks');
});
afterAll(() => app.close());

/** A unique folder per test, so the listings of one test are its own. */
const folder = (label: string) => `drop-${label}-${randomBytes(3).toString('hex')}/`;

/** Makes an upload link through the signed-in API; answers its token. */
async function makeLink(body: Partial<UploadLinkBody> & { prefix: string }, target = app) {
  const res = await target.inject({
    method: 'POST',
    url: uploadLinksPath(bucket),
    payload: { expiresIn: 3600, ...body },
  });
  answers.push(res.payload);
  expect(res.statusCode, res.payload).toBe(200);
  const { url, id, expiresAt } = res.json<{ url: string; id: string; expiresAt: string }>();
  const token = new URL(url).pathname.replace(/^\/s\//, '');
  return { url, id, expiresAt, token };
}

/** One file through the link, as the drop page sends it: plain HTTP, no cookie, no CSRF header. */
async function drop(
  token: string,
  name: string,
  file: Buffer,
  options: { size?: boolean; headers?: Record<string, string> } = {},
) {
  const form = new FormData();
  if (options.size) form.append('size', String(file.length));
  form.append('file', new Blob([new Uint8Array(file)]), name.split('/').pop());
  const res = await fetch(`${base}${publicLinkUploadUrl(token, name)}`, {
    method: 'POST',
    body: form,
    headers: options.headers,
  });
  const text = await res.text();
  answers.push(text);
  return { status: res.status, text, json: () => JSON.parse(text) as Record<string, unknown> };
}

const linkStore = (target: TestApp = app) => {
  const profile = target.profileByName(TEST_PROFILE)!;
  return target.stores.get(profile, profile.links.keys!);
};

describe('POST /api/buckets/:bucket/upload-links', () => {
  it('answers a /s/ URL, its expiry and id, and keeps a record in the store', async () => {
    const prefix = folder('make');
    const before = Date.now();
    const res = await app.inject({
      method: 'POST',
      url: uploadLinksPath(bucket),
      payload: { prefix, expiresIn: 7200, maxBytes: 1000, maxTotalBytes: 5000 },
    });
    answers.push(res.payload);
    expect(res.statusCode).toBe(200);
    const body = res.json<{ url: string; id: string; expiresAt: string }>();
    expect(body.url).toMatch(/^http:\/\/localhost:80\/s\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const expires = Date.parse(body.expiresAt);
    expect(expires).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 7200_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 7200_000);
    const stored = await s3.send(
      new GetObjectCommand({ Bucket: bucket, Key: `${DEFAULT_LINK_PREFIX}${body.id}.json` }),
    );
    const record = JSON.parse(await stored.Body!.transformToString()) as Record<string, unknown>;
    expect(record).toMatchObject({
      kind: 'upload',
      bucket,
      key: prefix,
      maxBytes: 1000,
      maxTotalBytes: 5000,
      overwrite: false,
      expiresAt: body.expiresAt,
    });
    const line = logLines.find((l) => l.includes('"link.create"') && l.includes(body.id));
    expect(JSON.parse(line!)).toMatchObject({
      event: 'link.create',
      bucket,
      prefix,
      expiresAt: body.expiresAt,
      ip: '127.0.0.1',
      who: expect.any(String),
    });
  });

  it('starts the URL with STOWAGE_PUBLIC_URL when set', async () => {
    const other = await build({}, { http: { publicUrl: 'https://files.example.com/stowage/' } });
    try {
      const { url } = await makeLink({ prefix: folder('public') }, other);
      expect(url).toMatch(/^https:\/\/files\.example\.com\/stowage\/s\/[A-Za-z0-9_.-]+$/);
    } finally {
      await other.close();
    }
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['an expiry over the server’s limit', { expiresIn: 366 * 86_400 }, /at most 31536000 seconds/],
    ['a file limit over the server’s', { maxBytes: 6 * 1024 ** 4 }, /at most 5497558138880 bytes/],
    ['a total over 5 TiB', { maxTotalBytes: 6 * 1024 ** 4 }, /maxTotalBytes: at most/],
    ['a folder without its "/"', { prefix: 'nofolder' }, /ends with "\/"/],
    ['the link records’ folder', { prefix: `${DEFAULT_LINK_PREFIX}x/` }, /link records/],
  ])('refuses %s with 400', async (_what, body, message) => {
    const res = await app.inject({
      method: 'POST',
      url: uploadLinksPath(bucket),
      payload: { prefix: folder('bad'), expiresIn: 3600, ...body },
    });
    expect(res.statusCode, res.payload).toBe(400);
    expect(res.json().message).toMatch(message);
  });

  it('answers 404 NoSuchBucket for a bucket that does not exist', async () => {
    const res = await app.inject({
      method: 'POST',
      url: uploadLinksPath(`no-such-${randomBytes(4).toString('hex')}`),
      payload: { prefix: '', expiresIn: 3600 },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NoSuchBucket');
  });

  it('refuses with 400 when the profile has no link keys', async () => {
    const other = await build(
      {},
      { profile: { links: { ...app.profileByName(TEST_PROFILE)!.links, keys: undefined } } },
    );
    try {
      const res = await other.inject({
        method: 'POST',
        url: uploadLinksPath(bucket),
        payload: { prefix: '', expiresIn: 3600 },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toMatch(/Upload links need keys the server holds/);
    } finally {
      await other.close();
    }
  });

  it('is a write: a read-only profile gets 403, STOWAGE_READ_ONLY has no such route', async () => {
    const readOnly = await build({}, { profile: { readOnly: true } });
    const noWrites = await build({}, { access: { readOnly: true } });
    try {
      const payload = { prefix: '', expiresIn: 3600 };
      const refused = await readOnly.inject({
        method: 'POST',
        url: uploadLinksPath(bucket),
        payload,
      });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('ReadOnly');
      const absent = await noWrites.inject({
        method: 'POST',
        url: uploadLinksPath(bucket),
        payload,
      });
      expect(absent.statusCode).toBe(404);
      const noDrop = await noWrites.inject({ method: 'POST', url: '/s/x.y/upload?name=a' });
      expect(noDrop.statusCode).toBe(404);
    } finally {
      await Promise.all([readOnly.close(), noWrites.close()]);
    }
  });
});

describe('POST /s/:token/upload', () => {
  it('puts the file under the link’s folder, byte for byte, and answers its name only', async () => {
    const prefix = folder('put');
    const { token, id } = await makeLink({ prefix });
    const file = randomBytes(300_000);
    const res = await drop(token, 'report.pdf', file);
    expect(res.status, res.text).toBe(200);
    expect(res.json()).toEqual({ name: 'report.pdf', size: file.length });
    expect(res.text).not.toContain(prefix);
    expect(await storedSha(s3, bucket, `${prefix}report.pdf`)).toBe(sha256(file));
    expect(await listKeys(s3, bucket, prefix)).toEqual([`${prefix}report.pdf`]);
    const line = logLines.find((l) => l.includes('"link.upload"') && l.includes(id));
    expect(JSON.parse(line!)).toMatchObject({
      event: 'link.upload',
      id,
      bucket,
      key: `${prefix}report.pdf`,
      size: file.length,
      ip: '127.0.0.1',
    });
  });

  it('a folder drop (a/b.txt) lands at the folder + a/b.txt', async () => {
    const prefix = folder('tree');
    const { token } = await makeLink({ prefix });
    const file = Buffer.from('inside a dropped folder');
    const res = await drop(token, 'a/b.txt', file, { size: true });
    expect(res.status, res.text).toBe(200);
    expect(res.json()).toEqual({ name: 'a/b.txt', size: file.length });
    expect(await storedSha(s3, bucket, `${prefix}a/b.txt`)).toBe(sha256(file));
  });

  it.each([
    ['../x', /"\.\." folder/],
    ['/x', /starts with "\/"/],
    ['a/../../x', /"\.\." folder/],
    ['a//b', /empty folder/],
    ['a\u0001b', /control characters/],
    ['x\n', /control characters/],
    ['a\\..\\x', /"\\"/],
    ['a/', /ends with "\/"/],
  ])('refuses the name %j with 400, writing nothing', async (name, message) => {
    const prefix = folder('names');
    const { token } = await makeLink({ prefix });
    const res = await drop(token, name, Buffer.from('escape attempt'));
    expect(res.status, res.text).toBe(400);
    expect(res.json().message).toMatch(message);
    expect(await listKeys(s3, bucket, prefix)).toEqual([]);
    expect(await exists(s3, bucket, 'x')).toBe(false);
  });

  it('refuses a name that would land among the link records (a link on the bucket root)', async () => {
    const { token } = await makeLink({ prefix: '' });
    const res = await drop(token, `${DEFAULT_LINK_PREFIX}forged.json`, Buffer.from('{}'));
    expect(res.status).toBe(400);
    expect(await exists(s3, bucket, `${DEFAULT_LINK_PREFIX}forged.json`)).toBe(false);
  });

  it('refuses a name too long for a key with its folder (400)', async () => {
    const prefix = folder('long');
    const { token } = await makeLink({ prefix });
    const res = await drop(token, `${'n'.repeat(200)}/`.repeat(5) + 'end', Buffer.from('x'));
    expect(res.status).toBe(400);
    expect(res.json().message).toMatch(/over 1024 bytes/);
    expect(await listKeys(s3, bucket, prefix)).toEqual([]);
  });

  it('refuses a file over the link’s size limit with 413, leaving nothing', async () => {
    const prefix = folder('big');
    const { token } = await makeLink({ prefix, maxBytes: 10 * MiB });
    const calls = sdkCalls(linkStore() as S3Store);
    // No size field: the first 8 MiB part goes up before the limit is hit.
    const res = await drop(token, 'big.bin', randomBytes(12 * MiB));
    expect(res.status, res.text).toBe(413);
    expect(res.json().message).toMatch(/upload limit of 10485760 bytes; nothing was stored/);
    expect(calls.map((c) => c.command)).toEqual(
      expect.arrayContaining(['CreateMultipartUpload', 'UploadPart', 'AbortMultipartUpload']),
    );
    expect(calls.map((c) => c.command)).not.toContain('CompleteMultipartUpload');
    expect(await listKeys(s3, bucket, prefix)).toEqual([]);
    if (!onEmbedded) expect(await inProgressUploads(s3, bucket)).toEqual([]);
    // With the size announced, refused before anything is sent.
    const early = await drop(token, 'big2.bin', randomBytes(10 * MiB + 1), { size: true });
    expect(early.status).toBe(413);
    expect(await listKeys(s3, bucket, prefix)).toEqual([]);
  });

  it('refuses the file that would take the link over its total (413), keeping the earlier ones', async () => {
    const prefix = folder('total');
    const { token, id } = await makeLink({ prefix, maxTotalBytes: 10_000 });
    const one = randomBytes(4000);
    const two = randomBytes(4000);
    expect((await drop(token, 'one.bin', one)).status).toBe(200);
    expect((await drop(token, 'two.bin', two, { size: true })).status).toBe(200);
    const three = await drop(token, 'three.bin', randomBytes(4000), { size: true });
    expect(three.status, three.text).toBe(413);
    expect(three.json().message).toMatch(/at most 10000 bytes in all; 8000 are taken/);
    expect((await listKeys(s3, bucket, prefix)).sort()).toEqual([
      `${prefix}one.bin`,
      `${prefix}two.bin`,
    ]);
    expect(await storedSha(s3, bucket, `${prefix}one.bin`)).toBe(sha256(one));
    expect(await storedSha(s3, bucket, `${prefix}two.bin`)).toBe(sha256(two));
    // What is left still fits.
    expect((await drop(token, 'small.bin', randomBytes(2000), { size: true })).status).toBe(200);
    // One receipt per stored file, no reservation left behind.
    const place = recordPlace(app.profileByName(TEST_PROFILE)!.links, bucket);
    const receipts = await listKeys(s3, bucket, receiptFolder(place, id));
    expect(receipts.map((k) => Number(k.split('-').pop())).sort()).toEqual([2000, 4000, 4000]);
  });

  it('lets concurrent uploads both be refused, never both accepted over the total', async () => {
    const prefix = folder('race');
    const { token } = await makeLink({ prefix, maxTotalBytes: 10_000 });
    expect((await drop(token, 'first.bin', randomBytes(3000), { size: true })).status).toBe(200);
    const results = await Promise.all(
      ['a.bin', 'b.bin', 'c.bin'].map((n) => drop(token, n, randomBytes(4000), { size: true })),
    );
    expect(results.map((r) => r.status).filter((s) => s !== 200 && s !== 413)).toEqual([]);
    const accepted = results.filter((r) => r.status === 200).length;
    expect(accepted).toBeLessThanOrEqual(1);
    expect((await listKeys(s3, bucket, prefix)).length).toBe(1 + accepted);
  });

  it('without overwrite: an existing name is 409 and the old bytes stay', async () => {
    const prefix = folder('keep');
    const { token } = await makeLink({ prefix });
    const old = Buffer.from('the first version');
    expect((await drop(token, 'same.txt', old)).status).toBe(200);
    const res = await drop(token, 'same.txt', Buffer.from('an attempt to replace it'));
    expect(res.status).toBe(409);
    expect(res.json()).toMatchObject({ code: 'DestinationExists' });
    expect(res.json().message).toMatch(/same\.txt is there already/);
    expect(res.text).not.toContain(prefix);
    expect(await storedSha(s3, bucket, `${prefix}same.txt`)).toBe(sha256(old));
  });

  it('with overwrite: the file replaces the object of that name', async () => {
    const prefix = folder('replace');
    const { token } = await makeLink({ prefix, overwrite: true });
    expect((await drop(token, 'same.txt', Buffer.from('first'))).status).toBe(200);
    const second = Buffer.from('second, longer');
    const res = await drop(token, 'same.txt', second);
    expect(res.status).toBe(200);
    expect(await storedSha(s3, bucket, `${prefix}same.txt`)).toBe(sha256(second));
  });

  it('refuses an expired link with 410', async () => {
    const prefix = folder('expired');
    const { token } = await makeLink({ prefix });
    const claims = JSON.parse(
      Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8'),
    ) as Record<string, unknown>;
    // The same link, signed with an expiry a minute ago.
    const expired = signLinkToken(app.linkKey, {
      id: claims.i as string,
      kind: 'upload',
      profile: TEST_PROFILE,
      bucket,
      key: prefix,
      expiresAt: Math.floor(Date.now() / 1000) - 60,
    });
    const res = await drop(expired, 'late.txt', Buffer.from('too late'));
    expect(res.status).toBe(410);
    expect(res.json().code).toBe('LinkExpired');
    expect(await listKeys(s3, bucket, prefix)).toEqual([]);
  });

  it('refuses a revoked link (record deleted) with 404, and its receipts go too', async () => {
    const prefix = folder('revoked');
    const { token, id } = await makeLink({ prefix, maxTotalBytes: 1000 });
    expect((await drop(token, 'before.txt', Buffer.from('before'))).status).toBe(200);
    const place = recordPlace(app.profileByName(TEST_PROFILE)!.links, bucket);
    expect(await listKeys(s3, bucket, receiptFolder(place, id))).toHaveLength(1);
    expect(await deleteLinkRecord(linkStore(), place, id)).toBe(true);
    await deleteLinkReceipts(linkStore(), place, id);
    expect(await listKeys(s3, bucket, receiptFolder(place, id))).toEqual([]);
    const res = await drop(token, 'after.txt', Buffer.from('after'));
    expect(res.status).toBe(404);
    expect(res.json().code).toBe('LinkNotFound');
    expect(await listKeys(s3, bucket, prefix)).toEqual([`${prefix}before.txt`]);
  });

  it('refuses a token with one character changed (404)', async () => {
    const prefix = folder('tamper');
    const { token } = await makeLink({ prefix });
    const i = token.indexOf('.') - 3;
    const tampered = `${token.slice(0, i)}${token[i] === 'A' ? 'B' : 'A'}${token.slice(i + 1)}`;
    const res = await drop(tampered, 'x.txt', Buffer.from('x'));
    expect(res.status).toBe(404);
    expect(res.json().code).toBe('LinkNotFound');
    expect(await listKeys(s3, bucket, prefix)).toEqual([]);
  });

  it('needs no CSRF header, but refuses cross-site and foreign-origin requests (403)', async () => {
    const prefix = folder('csrf');
    const { token } = await makeLink({ prefix });
    const crossSite = await drop(token, 'a.txt', Buffer.from('a'), {
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
    const foreign = await drop(token, 'b.txt', Buffer.from('b'), {
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    expect(await listKeys(s3, bucket, prefix)).toEqual([]);
    const own = await drop(token, 'c.txt', Buffer.from('c'), {
      headers: { origin: base, 'sec-fetch-site': 'same-origin' },
    });
    expect(own.status).toBe(200);
  });

  it('stops working once the profile is read-only (404, like a revoked link)', async () => {
    const prefix = folder('nowro');
    const { token } = await makeLink({ prefix });
    // A second instance with the same secret, whose profile became read-only.
    const readOnly = await build({}, { profile: { readOnly: true } });
    try {
      await readOnly.listen({ port: 0, host: '127.0.0.1' });
      const port = (readOnly.server.address() as AddressInfo).port;
      const form = new FormData();
      form.append('file', new Blob(['x']), 'x.txt');
      const res = await fetch(`http://127.0.0.1:${port}${publicLinkUploadUrl(token, 'x.txt')}`, {
        method: 'POST',
        body: form,
      });
      expect(res.status).toBe(404);
      expect(await listKeys(s3, bucket, prefix)).toEqual([]);
    } finally {
      await readOnly.close();
    }
  });
});

describe('secrets', () => {
  it('no answer of this file, nor a token, nor a log line holds the store’s secret key', () => {
    expect(answers.length).toBeGreaterThan(10);
    // s3rver's secret is its access key id too, which the log names as who made a link.
    const logs = secretAccessKey === accessKeyId ? [] : logLines;
    for (const text of [...answers, ...logs]) {
      expect(text).not.toContain(secretAccessKey);
      for (const m of text.matchAll(/\/s\/([A-Za-z0-9_-]+)\./g)) {
        expect(Buffer.from(m[1]!, 'base64url').toString('utf8')).not.toContain(secretAccessKey);
      }
    }
  });
});
