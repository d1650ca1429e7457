import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkPath, linksPath, publicLinkInfoPath, sharePath } from '@stowage/shared';
import { putLinkRecord, recordPlace } from '../../src/links/link-records.js';
import { newLinkId, signLinkToken, verifyLinkToken } from '../../src/links/link-token.js';
import {
  build,
  createBucket,
  onEmbedded,
  q,
  testSignature,
  testStoreConfig,
  TEST_SESSION_SECRET,
  type TestApp,
  testApps,
  type TestBuildOptions,
} from '../helper.js';
import { sha256 } from '../fixtures.js';

/**
 * Share links over the suite's store (s3rver, Ceph RGW, Ceph with SigV2): direct links are
 * fetched from the store with plain HTTP and no cookie; relay links from a listening app
 * (`fetch`, no session), so what a recipient gets is what is tested.
 */

const logLines: string[] = [];
const apps = testApps();
let app: TestApp;
let base: string;
let bucket: string;
const big = randomBytes(3 * 1024 * 1024 + 5);
const KEY = 'dir with space/ünïcode+plus (1).bin';
/** A body's sha256 (the fixtures' one rule). */
const sha = (b: Buffer | ArrayBuffer) => sha256(Buffer.from(b as ArrayBuffer));
const { secretAccessKey: STORE_SECRET, accessKeyId: STORE_KEY_ID } = testStoreConfig();
/** Every answer a recipient or the sharer saw: none may hold the store's secret key. */
const seen: string[] = [];

const started = (options: TestBuildOptions = {}) => apps.listening({}, options);

beforeAll(async () => {
  ({ app, base } = await started({
    logger: { level: 'info', stream: { write: (line: string) => void logLines.push(line) } },
  }));
  bucket = await createBucket(app, 'share');
  await app.objectStore.putObject({ bucket, key: KEY, body: big });
  await app.objectStore.putObject({ bucket, key: 'hello.txt', body: '0123456789' });
  await app.objectStore.putObject({
    bucket,
    key: 'page.html',
    body: '<script>alert(1)</script>',
    contentType: 'text/html',
  });
});
afterAll(() => apps.closeAll());

async function share(body: Record<string, unknown>, on: TestApp = app, b = bucket) {
  const res = await on.inject({ method: 'POST', url: sharePath(b), payload: body });
  seen.push(res.payload);
  return res;
}

/** A relay link's path (`/s/<token>`), to fetch from the listening app. */
const pathOf = (url: string) => new URL(url).pathname;

async function get(url: string, init: RequestInit = {}) {
  const res = await fetch(url, { redirect: 'manual', ...init });
  const body = Buffer.from(await res.arrayBuffer());
  seen.push(`${res.status} ${JSON.stringify([...res.headers])} ${body.toString('latin1')}`);
  return { res, body };
}

describe('direct links', () => {
  it('a presigned URL of the session keys: plain HTTP, no cookie, exact bytes', async () => {
    const res = await share({ key: KEY, expiresIn: 3600, mode: 'direct' });
    expect(res.statusCode).toBe(200);
    const { url, expiresAt, mode, id } = res.json();
    expect(mode).toBe('direct');
    expect(id).toBeUndefined();
    expect(url.startsWith(testStoreConfig().endpoint!)).toBe(true);
    const expiresMs = Date.parse(expiresAt);
    expect(Math.abs(expiresMs - (Date.now() + 3600_000))).toBeLessThan(5000);
    expect(url).toContain(testSignature === 'v2' ? 'Signature=' : 'X-Amz-Signature=');
    const { res: got, body } = await get(url);
    expect(got.status).toBe(200);
    expect(sha(body)).toBe(sha(big));
  });

  it('names the download when asked (response-content-disposition, signed)', async () => {
    const res = await share({
      key: 'hello.txt',
      expiresIn: 600,
      mode: 'direct',
      downloadName: 'report 2024 (final).txt',
    });
    const { res: got, body } = await get(res.json().url);
    expect(got.status).toBe(200);
    expect(body.toString()).toBe('0123456789');
    expect(got.headers.get('content-disposition')).toMatch(/^attachment; filename=/);
    expect(got.headers.get('content-disposition')).toContain('report 2024 (final).txt');
  });

  it('is refused by the store once expired (signed two minutes ago for one)', async () => {
    const url = await app.objectStore.presignGetObject(bucket, 'hello.txt', {
      expiresIn: 60,
      signingDate: new Date(Date.now() - 120_000),
    });
    const { res } = await get(url);
    expect(res.status).toBe(403);
    // The same URL signed now works: the expiry, not the signature, refused it.
    const fresh = await app.objectStore.presignGetObject(bucket, 'hello.txt', { expiresIn: 60 });
    expect((await get(fresh)).res.status).toBe(200);
  });

  it('refuses an expiry over the limit, naming it, and a password', async () => {
    const v4 = testSignature === 'v4';
    const limit = v4 ? 7 * 86_400 : 365 * 86_400;
    const over = await share({ key: 'hello.txt', expiresIn: limit + 1, mode: 'direct' });
    expect(over.statusCode).toBe(400);
    expect(over.json().message).toContain(
      v4 ? 'at most 7 days (604800 seconds)' : 'at most 365 days (31536000 seconds)',
    );
    const at = await share({ key: 'hello.txt', expiresIn: limit, mode: 'direct' });
    expect(at.statusCode).toBe(200);
    const pw = await share({ key: 'hello.txt', expiresIn: 60, mode: 'direct', password: 'x' });
    expect(pw.statusCode).toBe(400);
    expect(pw.json().message).toContain('A direct link cannot have a password');
  });

  it('answers 404 for an object that is not there, and 400 for a short expiry', async () => {
    const missing = await share({ key: 'nope.txt', expiresIn: 60, mode: 'direct' });
    expect(missing.statusCode).toBe(404);
    const short = await share({ key: 'hello.txt', expiresIn: 59, mode: 'direct' });
    expect(short.statusCode).toBe(400);
    expect(short.json().message).toContain('at least 60 seconds');
  });
});

describe('bad input', () => {
  it('refuses a bad download name or an unknown field with 400, and keeps no record', async () => {
    const before = (await app.inject({ method: 'GET', url: linksPath(bucket) })).json<{
      links: unknown[];
    }>().links.length;
    const slash = await share({
      key: 'hello.txt',
      expiresIn: 600,
      mode: 'relay',
      downloadName: 'a/b.txt',
    });
    expect(slash.statusCode).toBe(400);
    expect(slash.json().message).toContain('The download name has no "/"');
    const control = await share({
      key: 'hello.txt',
      expiresIn: 600,
      mode: 'relay',
      downloadName: 'a\u0007.txt',
    });
    expect(control.statusCode).toBe(400);
    const unknown = await share({ key: 'hello.txt', expiresIn: 600, mode: 'relay', public: true });
    expect(unknown.statusCode).toBe(400);
    const noMode = await share({ key: 'hello.txt', expiresIn: 600, mode: 'sideways' });
    expect(noMode.statusCode).toBe(400);
    const after = (await app.inject({ method: 'GET', url: linksPath(bucket) })).json<{
      links: unknown[];
    }>().links.length;
    expect(after).toBe(before);
  });

  it('a link without a password refuses an unlock (400), and an empty password is 400', async () => {
    const made = await share({ key: 'hello.txt', expiresIn: 600, mode: 'relay' });
    const token = pathOf(made.json<{ url: string }>().url).slice('/s/'.length);
    const open = await app.inject({
      method: 'POST',
      url: `/s/${token}/unlock`,
      payload: { password: 'anything' },
    });
    expect(open.statusCode).toBe(400);
    expect(open.json().message).toBe('This link needs no password');
    const empty = await app.inject({ method: 'POST', url: `/s/${token}/unlock`, payload: {} });
    expect(empty.statusCode).toBe(400);
    await app.inject({ method: 'DELETE', url: linkPath(bucket, made.json<{ id: string }>().id) });
  });
});

describe('relay links', () => {
  let url: string;
  let id: string;
  beforeAll(async () => {
    const res = await share({ key: KEY, expiresIn: 3600, mode: 'relay' });
    expect(res.statusCode).toBe(200);
    ({ url, id } = res.json());
  });

  it('streams the exact bytes to a recipient with no session, as an attachment', async () => {
    expect(url).toMatch(/^http:\/\/localhost(:80)?\/s\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const { res, body } = await get(`${base}${pathOf(url)}`);
    expect(res.status).toBe(200);
    expect(sha(body)).toBe(sha(big));
    expect(res.headers.get('content-length')).toBe(String(big.length));
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="/);
    expect(disposition).toContain(`filename*=UTF-8''%C3%BCn%C3%AFcode%2Bplus%20%281%29.bin`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('set-cookie')).toBeNull();
    const head = await fetch(`${base}${pathOf(url)}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(big.length));
    expect((await head.arrayBuffer()).byteLength).toBe(0);
  });

  it('serves a single Range with 206 and the exact slice, 416 past the end', async () => {
    const { res, body } = await get(`${base}${pathOf(url)}`, {
      headers: { range: 'bytes=1000-2999999' },
    });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 1000-2999999/${big.length}`);
    expect(sha(body)).toBe(sha(big.subarray(1000, 3_000_000)));
    const suffix = await get(`${base}${pathOf(url)}`, { headers: { range: 'bytes=-7' } });
    expect(suffix.res.status).toBe(206);
    expect(suffix.body.equals(big.subarray(big.length - 7))).toBe(true);
    const past = await get(`${base}${pathOf(url)}`, {
      headers: { range: `bytes=${big.length + 10}-` },
    });
    expect(past.res.status).toBe(416);
  });

  it('a store page (text/html) is still an attachment in a sandbox', async () => {
    const res = await share({ key: 'page.html', expiresIn: 600, mode: 'relay' });
    const { res: got } = await get(`${base}${pathOf(res.json().url)}`);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-disposition')).toBe('attachment; filename=page.html');
    expect(got.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
  });

  it('logs the creation and every use', () => {
    const events = logLines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(events).toContainEqual(
      expect.objectContaining({
        event: 'link.create',
        mode: 'relay',
        who: testStoreConfig().accessKeyId,
        bucket,
        key: KEY,
        id,
        ip: '127.0.0.1',
        expiresAt: expect.any(String),
      }),
    );
    expect(events).toContainEqual(
      expect.objectContaining({
        event: 'link.use',
        id,
        bucket,
        key: KEY,
        ip: '127.0.0.1',
        range: 'bytes=1000-2999999',
      }),
    );
  });

  it('answers 410 once expired, 404 for one changed character, no detail', async () => {
    const token = pathOf(url).slice(3);
    const check = verifyLinkToken(app.linkKey, token);
    expect(check.ok).toBe(true);
    const claims = check.ok ? check.claims : undefined;
    const expired = signLinkToken(app.linkKey, {
      ...claims!,
      expiresAt: Math.floor(Date.now() / 1000) - 1,
    });
    const gone = await get(`${base}/s/${expired}`);
    expect(gone.res.status).toBe(410);
    expect(JSON.parse(gone.body.toString()).code).toBe('LinkExpired');
    for (const at of [5, token.indexOf('.') + 3, token.length - 2]) {
      const c = token[at]!;
      const changed = `${token.slice(0, at)}${c === 'A' ? 'B' : 'A'}${token.slice(at + 1)}`;
      const { res, body } = await get(`${base}/s/${changed}`);
      expect(res.status, `character ${at}`).toBe(404);
      expect(JSON.parse(body.toString())).toMatchObject({
        code: 'LinkNotFound',
        message: 'This link does not exist',
      });
    }
  });

  it('works through a second instance with the same secret, not with another', async () => {
    const same = await started();
    expect((await get(`${same.base}${pathOf(url)}`)).res.status).toBe(200);
    const other = await started({
      access: {
        links: { secret: 'another secret of at least 32 characters!', maxSeconds: 86_400 },
      },
    });
    const { res } = await get(`${other.base}${pathOf(url)}`);
    expect(res.status).toBe(404);
    // Rotation revokes the link itself: its record, signed again under the new key, is refused
    // too, and the Links view of that instance shows it as expired.
    const check = verifyLinkToken(app.linkKey, pathOf(url).slice(3));
    const resigned = signLinkToken(other.app.linkKey, check.ok ? check.claims : ({} as never));
    expect((await get(`${other.base}/s/${resigned}`)).res.status).toBe(404);
    const listed = (await other.app.inject(linksPath(bucket))).json().links as {
      id: string;
      expired: boolean;
    }[];
    expect(listed.find((l) => l.id === id)?.expired).toBe(true);
  });

  it('is listed with its URL, and revoked: 404 after, then 404 LinkNotFound to revoke again', async () => {
    const made = await share({
      key: 'hello.txt',
      expiresIn: 600,
      mode: 'relay',
      downloadName: 'greeting.txt',
    });
    const { url: madeUrl, id: madeId } = made.json();
    const list = await app.inject(linksPath(bucket));
    expect(list.statusCode).toBe(200);
    seen.push(list.payload);
    const links = list.json().links as { id: string }[];
    expect(links.find((l) => l.id === madeId)).toEqual({
      id: madeId,
      kind: 'download',
      bucket,
      key: 'hello.txt',
      createdBy: testStoreConfig().accessKeyId,
      createdAt: expect.any(String),
      expiresAt: made.json().expiresAt,
      expired: false,
      url: madeUrl,
      downloadName: 'greeting.txt',
      passwordProtected: false,
    });
    expect(links.some((l) => l.id === id)).toBe(true);
    expect((await get(`${base}${pathOf(madeUrl)}`)).res.status).toBe(200);
    const revoke = await app.inject({ method: 'DELETE', url: linkPath(bucket, madeId) });
    expect(revoke.statusCode).toBe(204);
    expect((await get(`${base}${pathOf(madeUrl)}`)).res.status).toBe(404);
    const again = await app.inject({ method: 'DELETE', url: linkPath(bucket, madeId) });
    expect(again.statusCode).toBe(404);
    expect(again.json().code).toBe('LinkNotFound');
    const after = (await app.inject(linksPath(bucket))).json().links as { id: string }[];
    expect(after.some((l) => l.id === madeId)).toBe(false);
  });

  it('refuses an expiry over STOWAGE_LINK_MAX_DAYS, naming it', async () => {
    const res = await share({ key: 'hello.txt', expiresIn: 365 * 86_400 + 1, mode: 'relay' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('A relay link lasts at most 365 days (31536000 seconds)');
  });

  it('gives the public page what it may show, never the bucket or the key', async () => {
    const res = await app.injectRaw(publicLinkInfoPath(pathOf(url).slice(3)));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      kind: 'download',
      expiresAt: expect.any(String),
      name: 'ünïcode+plus (1).bin',
      size: big.length,
      passwordRequired: false,
      unlocked: false,
    });
    expect(res.payload).not.toContain(bucket);
    expect(res.headers['cache-control']).toBe('private, no-store');
  });
});

describe('password links', () => {
  const PASSWORD = 'open sesame';
  let url: string;
  let token: string;
  beforeAll(async () => {
    const res = await share({ key: 'hello.txt', expiresIn: 3600, password: PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.json().mode).toBe('relay'); // the profile's default
    url = res.json().url;
    token = pathOf(url).slice(3);
  });
  const unlock = (password: string, remoteAddress = '10.0.0.1') =>
    app.injectRaw({
      method: 'POST',
      url: `/s/${token}/unlock`,
      payload: { password },
      remoteAddress,
    });

  it('without the cookie: the password page, 401, no bytes', async () => {
    const { res, body } = await get(`${base}${pathOf(url)}`);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(body.toString()).toContain('This link needs a password');
    expect(body.toString()).not.toContain('0123456789');
    const info = (await app.injectRaw(publicLinkInfoPath(token))).json();
    expect(info).toMatchObject({ passwordRequired: true, unlocked: false });
    expect(info.size).toBeUndefined();
  });

  it('with a web build, the page is the app (its /s/$token page asks for the password)', async () => {
    const webDir = fileURLToPath(new URL('../../../web/dist', import.meta.url));
    const spa = await started({ webDir, signIn: false });
    const { res, body } = await get(`${spa.base}${pathOf(url)}`);
    expect(res.status).toBe(401);
    expect(body.toString()).toContain('<div id="root">');
  });

  it('a wrong password: 401 WrongPassword; five a minute per link and client, then 429', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await unlock('wrong', '10.0.0.9');
      expect(res.statusCode, `attempt ${i + 1}`).toBe(401);
      expect(res.json().code).toBe('WrongPassword');
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    const limited = await unlock(PASSWORD, '10.0.0.9');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('TooManyRequests');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another client is not locked out.
    expect((await unlock('wrong', '10.0.0.10')).statusCode).toBe(401);
  });

  it('the right password: 204 and a cookie for this link, then the bytes', async () => {
    const res = await unlock(PASSWORD);
    expect(res.statusCode).toBe(204);
    const cookie = res.cookies[0]!;
    expect(cookie).toMatchObject({ path: '/s/', httpOnly: true, sameSite: 'Lax' });
    expect(cookie.name).toMatch(/^stowage_link_[A-Za-z0-9_-]{22}$/);
    expect(cookie.maxAge).toBeGreaterThan(3500);
    expect(cookie.maxAge).toBeLessThanOrEqual(3600);
    expect(cookie.secure).toBeUndefined(); // plain http ('auto')
    const { res: got, body } = await get(`${base}${pathOf(url)}`, {
      headers: { cookie: `${cookie.name}=${cookie.value}` },
    });
    expect(got.status).toBe(200);
    expect(body.toString()).toBe('0123456789');
    const info = await app.injectRaw({
      url: publicLinkInfoPath(token),
      cookies: { [cookie.name]: cookie.value },
    });
    expect(info.json()).toMatchObject({ passwordRequired: true, unlocked: true, size: 10 });
    // A made-up cookie value opens nothing.
    const forged = await get(`${base}${pathOf(url)}`, {
      headers: { cookie: `${cookie.name}=${'A'.repeat(cookie.value.length)}` },
    });
    expect(forged.res.status).toBe(401);
  });

  it("the page's plain form: urlencoded, without the CSRF header, 303 back to the link", async () => {
    const res = await fetch(`${base}/s/${token}/unlock`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ password: PASSWORD }).toString(),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/s/${token}`);
    expect(res.headers.get('set-cookie')).toMatch(/^stowage_link_/);
    const cross = await fetch(`${base}/s/${token}/unlock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://evil.example' },
      body: JSON.stringify({ password: PASSWORD }),
    });
    expect(cross.status).toBe(403);
  });

  it('is listed as password protected, and the record keeps a hash, never the password', async () => {
    const list = await app.inject(linksPath(bucket));
    const link = (list.json().links as { url: string; passwordProtected: boolean }[]).find(
      (l) => l.url === url,
    );
    expect(link?.passwordProtected).toBe(true);
    const id = (list.json().links as { url: string; id: string }[]).find((l) => l.url === url)!.id;
    const record = await app.objectStore.getObjectContent(bucket, `.stowage/links/${id}.json`);
    const text = Buffer.concat(await record.body.toArray()).toString();
    expect(text).toContain('"passwordHash":"scrypt$');
    expect(text).not.toContain(PASSWORD);
  });
});

describe('upload tokens at GET /s/:token', () => {
  it('serve the drop page (200), and /info names the folder only', async () => {
    const id = newLinkId();
    const profile = app.profileByName('test')!;
    const expiresAt = Math.floor(Date.now() / 1000) + 600;
    const token = signLinkToken(app.linkKey, {
      id,
      kind: 'upload',
      profile: 'test',
      bucket,
      key: 'inbox/from clients/',
      expiresAt,
      maxBytes: 1000,
    });
    await putLinkRecord(
      app.stores.get(profile, profile.links.keys!),
      recordPlace(profile.links, bucket),
      {
        v: 1,
        id,
        kind: 'upload',
        profile: 'test',
        bucket,
        key: 'inbox/from clients/',
        createdBy: 'test',
        createdAt: new Date().toISOString(),
        expiresAt: new Date(expiresAt * 1000).toISOString(),
        maxBytes: 1000,
      },
      token,
    );
    const { res } = await get(`${base}/s/${token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const info = await app.injectRaw(publicLinkInfoPath(token));
    expect(info.json()).toEqual({
      kind: 'upload',
      expiresAt: new Date(expiresAt * 1000).toISOString(),
      name: 'from clients',
      passwordRequired: false,
      unlocked: false,
      maxBytes: 1000,
      overwrite: false,
    });
    expect(info.payload).not.toContain(bucket);
    expect(info.payload).not.toContain('inbox');
    // Listed with the URL it was made with.
    const list = (await app.inject(linksPath(bucket))).json().links as {
      id: string;
      url: string;
    }[];
    expect(pathOf(list.find((l) => l.id === id)!.url)).toBe(`/s/${token}`);
  });
});

describe('who may share', () => {
  it('a read-only profile may make download links (direct and relay)', async () => {
    const ro = await build({}, { profile: { readOnly: true } });
    apps.track(ro);
    for (const mode of ['direct', 'relay']) {
      const res = await share({ key: 'hello.txt', expiresIn: 600, mode }, ro);
      expect(res.statusCode, mode).toBe(200);
    }
    const session = (await ro.inject('/api/session')).json();
    expect(session.links).toMatchObject({ relay: true, upload: false });
  });

  it('a bucket outside the allowlist: 403', async () => {
    const limited = await build({}, { profile: { buckets: ['some-other-bucket'] } });
    apps.track(limited);
    const res = await share({ key: 'hello.txt', expiresIn: 600, mode: 'direct' }, limited);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('BucketNotAllowed');
    const list = await limited.inject(linksPath(bucket));
    expect(list.statusCode).toBe(403);
  });

  it('a profile without link keys: direct only, relay refused in a sentence, no links listed', async () => {
    const direct = await build(
      {},
      {
        profile: {
          links: {
            defaultMode: 'direct',
            keys: undefined,
            bucket: undefined,
            prefix: '.stowage/links/',
          },
        },
      },
    );
    apps.track(direct);
    const relay = await share({ key: 'hello.txt', expiresIn: 600, mode: 'relay' }, direct);
    expect(relay.statusCode).toBe(400);
    expect(relay.json().message).toContain('makes direct links only');
    const byDefault = await share({ key: 'hello.txt', expiresIn: 600 }, direct);
    expect(byDefault.json().mode).toBe('direct');
    expect((await direct.inject(linksPath(bucket))).json()).toEqual({
      links: [],
      nextCursor: null,
    });
  });
});

describe('the records folder', () => {
  it('is left out of the bucket root listing, with exact paging, and shown inside', async () => {
    const b = await createBucket(app, 'hide');
    for (const key of ['-a.txt', 'a/x.txt', 'z.txt', '.a.txt']) {
      await app.objectStore.putObject({ bucket: b, key, body: key });
    }
    const made = await share({ key: 'z.txt', expiresIn: 600, mode: 'relay' }, app, b);
    expect(made.statusCode).toBe(200);
    const root = (await app.inject(`/api/buckets/${b}/objects`)).json();
    expect(root.prefixes).toEqual(['a/']);
    expect(root.objects.map((o: { key: string }) => o.key)).toEqual(['-a.txt', '.a.txt', 'z.txt']);
    // One entry a page (s3rver may add a folder to it): every entry once, never the records'
    // folder, and no page left empty by hiding it.
    const entries: string[] = [];
    let cursor: string | undefined;
    do {
      const page = (
        await app.inject(`/api/buckets/${b}/objects?${q({ limit: 1, cursor })}`)
      ).json();
      const got = [...page.prefixes, ...page.objects.map((o: { key: string }) => o.key)];
      expect(got.length, JSON.stringify(page)).toBeGreaterThan(0);
      entries.push(...got);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect([...new Set(entries)].sort()).toEqual(['-a.txt', '.a.txt', 'a/', 'z.txt']);
    // s3rver repeats a folder on the next page at MaxKeys=1 (measured without any hiding too).
    if (!onEmbedded) expect(entries).toHaveLength(4);
    // A flat listing leaves the records out too; the folder itself lists them.
    const flat = (await app.inject(`/api/buckets/${b}/objects?${q({ delimiter: '' })}`)).json();
    expect(flat.objects.map((o: { key: string }) => o.key).sort()).toEqual([
      '-a.txt',
      '.a.txt',
      'a/x.txt',
      'z.txt',
    ]);
    const inside = (
      await app.inject(`/api/buckets/${b}/objects?${q({ prefix: '.stowage/' })}`)
    ).json();
    expect(inside.prefixes).toEqual(['.stowage/links/']);
  });
});

describe('secrets', () => {
  it("no link URL, page or answer holds the store's secret key", () => {
    expect(seen.length).toBeGreaterThan(25);
    // s3rver's demo secret is its access key id ("S3RVER"), which links do name: there the
    // sweep of secrets.test.ts (a marker secret, /s/ routes included) is the check.
    const forms =
      STORE_SECRET === STORE_KEY_ID ? [] : [STORE_SECRET, encodeURIComponent(STORE_SECRET)];
    for (const text of seen) for (const f of forms) expect(text.includes(f)).toBe(false);
    for (const line of logLines) for (const f of forms) expect(line.includes(f)).toBe(false);
  });

  it('a token holds no key: only the claims, and the mac', () => {
    const relay = seen.find((t) => t.includes('/s/'))!;
    expect(relay).toBeDefined();
    expect(TEST_SESSION_SECRET.length).toBeGreaterThan(31);
    for (const text of seen) expect(text.includes(TEST_SESSION_SECRET)).toBe(false);
  });
});
