import { randomBytes } from 'node:crypto';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZIP_SELECTION_FIELD, folderZipUrl, zipPath, type ZipInput } from '@stowage/shared';
import { build, createBucket, fixtureClient, type TestApp } from '../helper.js';
import { exists, sdkCalls, sha256 } from '../fixtures.js';
import { listenOnLoopback } from '../raw-http.js';
import { download, putAll, readZip, type ZipSeen } from '../zip-client.js';

const s3 = fixtureClient();
let app: TestApp;
let port: number;
let bucket: string;
/** Every object written, by key. */
const objects: Record<string, Buffer> = {};
/** Enough that listing the folder takes two ListObjectsV2 pages (1,000 each). */
const MANY = 1001;

const NASTY = [
  'nasty/plain.txt',
  'nasty/with space.txt',
  'nasty/plus+sign.txt',
  'nasty/percent%20literal.txt',
  'nasty/hash#tag.txt',
  'nasty/question?.txt',
  'nasty/amp&ersand=1.txt',
  'nasty/ünïcødé/日本語 ファイル.txt',
  'nasty/emoji 😀.bin',
  'nasty/a/b/c/deep.txt',
  'nasty/big.bin',
];

beforeAll(async () => {
  app = await build();
  port = await listenOnLoopback(app);
  bucket = await createBucket(app, 'zip');
  for (const key of NASTY) objects[key] = Buffer.from(`the bytes of ${key}\n`);
  objects['nasty/big.bin'] = randomBytes(3 * 1024 * 1024 + 7);
  objects['nasty/empty dir/'] = Buffer.alloc(0); // a folder marker
  for (let i = 0; i < MANY; i++) {
    objects[`nasty/many/${String(i).padStart(4, '0')}.txt`] = Buffer.from(`object ${i}`);
  }
  for (const key of ['cur/x.txt', 'cur/ü y.txt', 'cur/f/a.txt', 'cur/f/g/b.txt', 'cur/other.txt']) {
    objects[key] = Buffer.from(`selection ${key}`);
  }
  objects['root.txt'] = Buffer.from('at the root');
  await putAll(s3, bucket, objects);
}, 300_000);
afterAll(() => app.close());

/** The bytes' sha256 of every object under `prefix`, by its name relative to `base`. */
const expected = (prefix: string, base = prefix) =>
  Object.fromEntries(
    Object.entries(objects)
      .filter(([k]) => k.startsWith(prefix) && k !== base)
      .map(([k, v]) => [k.slice(base.length), sha256(v)]),
  );

function expectWhole(zip: ZipSeen, want: Record<string, string>) {
  if (!zip.ok) throw new Error(`zipfile could not read it: ${zip.error}`);
  expect(zip.testzip).toBeNull();
  const seen = Object.fromEntries(zip.members.map((m) => [m.name, m.sha256]));
  expect(Object.keys(seen).sort()).toEqual(Object.keys(want).sort());
  expect(seen).toEqual(want);
  expect(zip.members.every((m) => m.utf8 && m.stored)).toBe(true);
  return zip;
}

const withSession = (extra: Record<string, string> = {}) => ({ ...app.sessionHeaders, ...extra });

describe('GET /zip?prefix= (a folder)', () => {
  it('holds every object, named relative to the folder, byte for byte, as zipfile reads it', async () => {
    const calls = sdkCalls(app.objectStore);
    const res = await download(port, {
      path: folderZipUrl(bucket, 'nasty/'),
      headers: withSession(),
    });
    expect(res.status).toBe(200);
    expect(res.complete).toBe(true);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename=nasty.zip; filename*=UTF-8''nasty.zip`,
    );
    const zip = expectWhole(readZip(res.body), expected('nasty/'));
    if (!zip.ok) return;
    expect(zip.members.length).toBe(NASTY.length + 1 + MANY);
    // The folder marker is a directory entry; the listing took more than one page.
    expect(zip.members.find((m) => m.name === 'empty dir/')?.isDir).toBe(true);
    expect(calls.filter((c) => c.command === 'ListObjectsV2').length).toBeGreaterThanOrEqual(2);
    expect(zip.zip64).toEqual({ eocd: false, locator: false });
    // The member's time is the object's LastModified (DOS time: local, 2 s steps).
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'nasty/plain.txt' }));
    const [y, mo, d, h, mi, s] = zip.members.find((m) => m.name === 'plain.txt')!.dateTime;
    const at = new Date(y!, mo! - 1, d, h, mi, s).getTime();
    expect(Math.abs(at - head.LastModified!.getTime())).toBeLessThanOrEqual(2000);
  }, 120_000);

  it('names a subfolder zip after it, with its non-ASCII name in filename*', async () => {
    const res = await download(port, {
      path: folderZipUrl(bucket, 'nasty/ünïcødé/'),
      headers: withSession(),
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="?n?c?d?.zip"; filename*=UTF-8''%C3%BCn%C3%AFc%C3%B8d%C3%A9.zip`,
    );
    expectWhole(readZip(res.body), expected('nasty/ünïcødé/'));
  });

  it('writes ZIP64 records when told to (no 4 GiB needed), and zipfile reads them', async () => {
    const zip64App = await build({}, { zipForceZip64: true });
    try {
      const zip64Port = await listenOnLoopback(zip64App);
      const res = await download(zip64Port, {
        path: folderZipUrl(bucket, 'nasty/a/'),
        headers: { ...zip64App.sessionHeaders },
      });
      expect(res.status).toBe(200);
      const zip = expectWhole(readZip(res.body), expected('nasty/a/'));
      if (!zip.ok) return;
      expect(zip.zip64).toEqual({ eocd: true, locator: true });
      expect(zip.members.every((m) => m.zip64Extra)).toBe(true);
    } finally {
      await zip64App.close();
    }
  });

  it('answers JSON errors before the first byte', async () => {
    const get = (b: string, prefix: string) => app.inject(folderZipUrl(b, prefix));
    const missing = await get(`${bucket}-missing`, 'nasty/');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('NoSuchBucket');
    const empty = await get(bucket, 'nothing-here/');
    expect(empty.statusCode).toBe(404);
    expect(empty.json()).toMatchObject({
      code: 'NoSuchKey',
      message: expect.stringMatching(/no objects under "nothing-here\/"/),
    });
    const limited = await build({}, { profile: { buckets: [`${bucket}-other`] } });
    try {
      const refused = await limited.inject(folderZipUrl(bucket, 'nasty/'));
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('BucketNotAllowed');
    } finally {
      await limited.close();
    }
    const noPrefix = await get(bucket, '');
    expect(noPrefix.statusCode).toBe(400);
    expect(noPrefix.json().code).toBe('BadRequest');
  });
});

describe('HEAD /zip', () => {
  it('does not exist: it would read the whole folder for nothing', async () => {
    const calls = sdkCalls(app.objectStore);
    const res = await app.inject({ method: 'HEAD', url: folderZipUrl(bucket, 'nasty/a/') });
    expect(res.statusCode).toBe(404);
    expect(calls.filter((c) => c.command === 'GetObject')).toEqual([]);
  });
});

const post = (body: ZipInput, headers: Record<string, string> = {}) =>
  download(port, {
    method: 'POST',
    path: zipPath(bucket),
    headers: withSession({ 'content-type': 'application/json', ...headers }),
    body: JSON.stringify(body),
  });

describe('POST /zip (a selection)', () => {
  it("names each member relative to the selection's folder, named after it", async () => {
    const res = await post({ keys: ['cur/x.txt', 'cur/ü y.txt'], prefixes: ['cur/f/'] });
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename=cur.zip; filename*=UTF-8''cur.zip`,
    );
    const want = expected('cur/');
    delete want['other.txt'];
    expectWhole(readZip(res.body), want);
  });

  it('a selection at the root is named after the bucket', async () => {
    const res = await post({ keys: ['root.txt'], prefixes: ['cur/'] });
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename=${bucket}.zip; filename*=UTF-8''${bucket}.zip`,
    );
    expectWhole(readZip(res.body), {
      'root.txt': sha256(objects['root.txt']!),
      ...expected('cur/', ''),
    });
  });

  it('refuses an empty selection, one across folders, and a missing key, as JSON', async () => {
    const cases: [ZipInput, number, string][] = [
      [{ keys: [], prefixes: [] }, 400, 'BadRequest'],
      [{ keys: ['cur/x.txt', 'nasty/plain.txt'] }, 400, 'BadRequest'],
      [{ keys: ['cur/x.txt'], prefixes: ['cur/f/g/'] }, 400, 'BadRequest'],
      [{ keys: ['cur/x.txt', 'cur/gone.txt'] }, 404, 'NoSuchKey'],
      [{ prefixes: ['cur/nothing/'] }, 404, 'NoSuchKey'],
    ];
    for (const [body, status, code] of cases) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(JSON.parse(res.body.toString()).code).toBe(code);
    }
  });

  it('works on a read-only profile (a zip is a read)', async () => {
    const ro = await build({}, { profile: { readOnly: true } });
    try {
      const res = await ro.inject({
        method: 'POST',
        url: zipPath(bucket),
        payload: { keys: ['cur/x.txt'] },
      });
      expect(res.statusCode).toBe(200);
      expectWhole(readZip(res.rawPayload), { 'x.txt': sha256(objects['cur/x.txt']!) });
    } finally {
      await ro.close();
    }
  });
});

describe('the browser form POST (docs/adr/0009)', () => {
  const form = (selection: ZipInput) =>
    new URLSearchParams({ [ZIP_SELECTION_FIELD]: JSON.stringify(selection) }).toString();
  /** The session cookie only: a form cannot set the CSRF header. */
  const postForm = (
    headers: Record<string, string>,
    path = zipPath(bucket),
    body = form({ keys: ['cur/x.txt'] }),
  ) =>
    download(port, {
      method: 'POST',
      path,
      headers: {
        cookie: app.sessionHeaders.cookie!,
        'content-type': 'application/x-www-form-urlencoded',
        ...headers,
      },
      body,
    });

  it('streams the zip to a same-origin form (Sec-Fetch-Site, or our own Origin)', async () => {
    const proofs: Record<string, string>[] = [
      { 'sec-fetch-site': 'same-origin', origin: `http://127.0.0.1:${port}` },
      { 'sec-fetch-site': 'same-origin' },
      { origin: `http://127.0.0.1:${port}` },
      // What Chromium sends for the app's form: its Referrer-Policy (no-referrer) nulls Origin.
      { 'sec-fetch-site': 'same-origin', origin: 'null' },
    ];
    for (const headers of proofs) {
      const res = await postForm(headers);
      expect(res.status, JSON.stringify(headers)).toBe(200);
      expectWhole(readZip(res.body), { 'x.txt': sha256(objects['cur/x.txt']!) });
    }
  });

  it('refuses a cross-site form, a foreign Origin, and a form that proves neither', async () => {
    const attacks: [Record<string, string>, string][] = [
      [
        { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
        'Cross-site requests are refused',
      ],
      [{ 'sec-fetch-site': 'cross-site' }, 'Cross-site requests are refused'],
      [{ origin: 'https://evil.example' }, 'Requests from another origin are refused'],
      [{ origin: 'null' }, 'Requests from another origin are refused'],
      [
        { 'sec-fetch-site': 'same-site', origin: 'http://sub.127.0.0.1.example' },
        'Requests from another origin are refused',
      ],
      [{ 'sec-fetch-site': 'same-site' }, 'This request needs the header x-stowage-csrf: 1'],
      [{}, 'This request needs the header x-stowage-csrf: 1'],
    ];
    for (const [headers, message] of attacks) {
      const res = await postForm(headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(JSON.parse(res.body.toString())).toMatchObject({ code: 'CrossSiteRefused', message });
    }
    // A same-origin text/plain form (another enctype a form can send) still needs the header.
    const text = await postForm({ 'sec-fetch-site': 'same-origin', 'content-type': 'text/plain' });
    expect(text.status).toBe(403);
  });

  it("is this route's exception only: a same-origin form to another POST is refused", async () => {
    const res = await postForm(
      { 'sec-fetch-site': 'same-origin' },
      `/api/buckets/${bucket}/delete`,
      'keys=cur%2Fx.txt',
    );
    expect(res.status).toBe(403);
    expect(await exists(s3, bucket, 'cur/x.txt')).toBe(true);
  });

  it('a form without the field, or with a field that is not JSON, is a 400', async () => {
    const missing = await postForm({ 'sec-fetch-site': 'same-origin' }, zipPath(bucket), 'other=1');
    expect(missing.status).toBe(400);
    const notJson = await postForm(
      { 'sec-fetch-site': 'same-origin' },
      zipPath(bucket),
      `${ZIP_SELECTION_FIELD}=%7Bnope`,
    );
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body.toString()).code).toBe('BadRequest');
  });
});
