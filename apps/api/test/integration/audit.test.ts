import { PutObjectCommand } from '@aws-sdk/client-s3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import {
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
  linkPath,
  multipartAbortPath,
  multipartCompletePath,
  multipartPartsPath,
  multipartPath,
  publicLinkUploadUrl,
  sharePath,
  uploadLinksPath,
  type AuditEntry,
} from '@stowage/shared';
import { AuditLog } from '../../src/audit/audit-log.js';
import { mustDeclare } from '../../src/audit/audit-plugin.js';
import { DEFAULT_HTTP_CONFIG } from '../../src/config/http.js';
import {
  build,
  createBucket,
  fixtureClient,
  q,
  sessionCookie,
  testKeys,
  TEST_PASSWORD,
  TEST_SESSION_SECRET,
  type TestApp,
} from '../helper.js';
import { uploadForm } from '../multipart.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'stowage-audit-'));
const file = path.join(dir, 'audit.log');
const stdoutLines: string[] = [];
const audit = new AuditLog({ stdout: true, file }, (line) => void stdoutLines.push(line));
const s3 = fixtureClient();
const LINK_PASSWORD = 'a link password nobody else knows';
/** Every answer and cookie a test saw: secrets to look for in the audit file. */
const secrets = new Set<string>([
  testKeys().secretAccessKey,
  TEST_PASSWORD,
  TEST_SESSION_SECRET,
  LINK_PASSWORD,
]);

let app: TestApp;
let bucket: string;
let other: string;

const lines = (): AuditEntry[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as AuditEntry);

/** onResponse runs once the answer is sent: wait for the line, then make sure it is alone. */
async function linesAfter(before: number, want = 1): Promise<AuditEntry[]> {
  const deadline = Date.now() + 5000;
  while (lines().length < before + want && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
  }
  await new Promise((r) => setTimeout(r, 60));
  return lines().slice(before);
}

/** The request, and the one line it wrote. */
async function logged(
  send: () => Promise<LightMyRequestResponse>,
): Promise<{ res: LightMyRequestResponse; line: AuditEntry }> {
  const before = lines().length;
  const res = await send();
  for (const c of res.cookies) if (c.value.length >= 8) secrets.add(c.value);
  const added = await linesAfter(before);
  expect(added, `one line for ${res.statusCode} ${res.payload}`).toHaveLength(1);
  return { res, line: added[0]! };
}

const put = (key: string, body = 'x') =>
  s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));

beforeAll(async () => {
  app = await build({}, { audit, profile: { admin: true } });
  bucket = await createBucket(app, 'audit');
  other = await createBucket(app, 'audit-other');
});

afterAll(async () => {
  await app?.close();
  audit.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Case {
  /** The route as registered: `METHOD url` (the settings routes: `/settings/*`). */
  route: string;
  action: string;
  send: () => Promise<LightMyRequestResponse>;
  expect?: Partial<AuditEntry>;
  status?: number;
  /** The line names the link (its id). */
  link?: boolean;
}

const json = (method: InjectOptions['method'], url: string, payload?: object) => () =>
  app.inject({ method, url, ...(payload ? { payload } : {}) });
const api = (p: string, query?: Record<string, string>) =>
  `/api/buckets/${bucket}${p}${query ? `?${q(query)}` : ''}`;

/** Every state-changing route, driven once (a real request, real store). */
function cases(): Case[] {
  let linkId = '';
  let uploadToken = '';
  let shareToken = '';
  let mpuId = '';
  const newBucket = `${bucket}-new`;
  return [
    {
      route: 'PUT /api/buckets/:bucket/object/metadata',
      action: 'object.metadata.put',
      send: async () => {
        await put('meta.txt');
        return json('PUT', api('/object/metadata', { key: 'meta.txt' }), {
          metadata: { owner: 'ann' },
        })();
      },
      expect: { bucket, key: 'meta.txt' },
      status: 200,
    },
    {
      route: 'POST /api/buckets/:bucket/folders',
      action: 'folder.create',
      send: json('POST', api('/folders'), { prefix: 'made/' }),
      expect: { bucket, prefix: 'made/' },
      status: 201,
    },
    {
      route: 'PUT /api/buckets/:bucket/object/content',
      action: 'object.content.put',
      send: async () => {
        await put('edited.txt');
        const head = await app.inject(api('/object', { key: 'edited.txt' }));
        return app.inject({
          method: 'PUT',
          url: api('/object/content', { key: 'edited.txt' }),
          headers: { 'content-type': 'text/plain', 'if-match': head.json().etag },
          payload: 'new text',
        });
      },
      expect: { bucket, key: 'edited.txt' },
      status: 200,
    },
    {
      route: 'PUT /api/buckets/:bucket/object/tags',
      action: 'object.tags.put',
      send: async () => {
        await put('tagged.txt');
        return json('PUT', api('/object/tags', { key: 'tagged.txt' }), {
          tags: [{ key: 'a', value: 'b' }],
        })();
      },
      expect: { bucket, key: 'tagged.txt' },
      status: 200,
    },
    {
      route: 'DELETE /api/buckets/:bucket/object',
      action: 'object.delete',
      send: async () => {
        await put('gone.txt');
        return json('DELETE', api('/object', { key: 'gone.txt' }))();
      },
      expect: { bucket, key: 'gone.txt' },
      status: 204,
    },
    {
      route: 'POST /api/buckets/:bucket/delete',
      action: 'objects.delete',
      send: async () => {
        await put('d/1.txt');
        await put('d/2.txt');
        return json('POST', api('/delete'), { keys: ['d/1.txt', 'd/2.txt'] })();
      },
      expect: {
        bucket,
        keys: ['d/1.txt', 'd/2.txt'],
        keyCount: 2,
        result: { status: 200, done: 2, errors: 0 },
      },
      status: 200,
    },
    {
      route: 'POST /api/buckets/:bucket/copy',
      action: 'objects.copy',
      send: async () => {
        await put('c/a.txt');
        return json('POST', api('/copy'), {
          keys: ['c/a.txt'],
          to: { bucket: other, prefix: 'in/' },
        })();
      },
      expect: { bucket, keys: ['c/a.txt'], to: { bucket: other, prefix: 'in/' } },
      status: 200,
    },
    {
      route: 'POST /api/buckets/:bucket/rename',
      action: 'objects.rename',
      send: async () => {
        await put('old.txt');
        return json('POST', api('/rename'), { from: 'old.txt', to: 'new.txt' })();
      },
      expect: { bucket, key: 'old.txt', to: { bucket, key: 'new.txt' } },
      status: 200,
    },
    {
      route: 'POST /api/buckets',
      action: 'bucket.create',
      send: json('POST', '/api/buckets', { name: newBucket }),
      expect: { bucket: newBucket },
      status: 201,
    },
    {
      route: 'DELETE /api/buckets/:bucket',
      action: 'bucket.delete',
      send: () => app.inject({ method: 'DELETE', url: `/api/buckets/${newBucket}` }),
      expect: { bucket: newBucket },
      status: 204,
    },
    {
      route: 'POST /api/buckets/:bucket/empty',
      action: 'bucket.empty',
      send: () =>
        app.inject({
          method: 'POST',
          url: `/api/buckets/${other}/empty`,
          payload: { confirm: other },
        }),
      expect: { bucket: other },
      status: 200,
    },
    {
      route: 'DELETE /api/buckets/:bucket/uploads',
      action: 'upload.abort',
      send: json('DELETE', api('/uploads', { key: 'a.bin', uploadId: 'no-such-upload' })),
      expect: { bucket, key: 'a.bin' },
    },
    {
      route: 'POST /api/buckets/:bucket/uploads/abort-older',
      action: 'uploads.abort-older',
      // s3rver lists no multipart uploads (502 NotSupported): the line says the status.
      send: json('POST', api('/uploads/abort-older'), { days: 0 }),
      expect: { bucket },
    },
    {
      route: 'PUT /api/buckets/:bucket/settings/*',
      action: 'bucket.setting.put',
      send: json('PUT', api('/settings/tags'), { TagSet: [{ Key: 'team', Value: 'a' }] }),
      expect: { bucket, setting: 'tags' },
    },
    {
      route: 'DELETE /api/buckets/:bucket/settings/*',
      action: 'bucket.setting.delete',
      send: json('DELETE', api('/settings/tags')),
      expect: { bucket, setting: 'tags' },
    },
    {
      route: 'POST /api/buckets/:bucket/object/restore',
      action: 'object.version.restore',
      send: json('POST', api('/object/restore', { key: 'meta.txt', versionId: 'null' })),
      expect: { bucket, key: 'meta.txt' },
    },
    {
      route: 'POST /api/buckets/:bucket/object/undelete',
      action: 'object.undelete',
      send: json('POST', api('/object/undelete', { key: 'gone.txt' })),
      expect: { bucket, key: 'gone.txt' },
    },
    {
      route: 'PUT /api/buckets/:bucket/versioning',
      action: 'bucket.versioning.put',
      send: json('PUT', api('/versioning'), { status: 'Suspended' }),
      expect: { bucket },
    },
    {
      route: 'POST /api/buckets/:bucket/upload',
      action: 'object.upload',
      send: () => {
        const form = uploadForm(Buffer.from('uploaded bytes'));
        return app.inject({
          method: 'POST',
          url: api('/upload', { key: 'up/u.txt' }),
          headers: { 'content-type': form.contentType },
          payload: form.payload,
        });
      },
      expect: { bucket, key: 'up/u.txt', bytes: 14 },
      status: 200,
    },
    {
      route: 'POST /api/buckets/:bucket/multipart',
      action: 'upload.multipart.create',
      send: async () => {
        const res = await json('POST', multipartPath(bucket), { key: 'big/b.bin', size: 5 })();
        mpuId = res.json<{ uploadId: string }>().uploadId;
        return res;
      },
      expect: { bucket, key: 'big/b.bin' },
      status: 200,
    },
    {
      route: 'POST /api/buckets/:bucket/multipart/:uploadId/complete',
      action: 'object.upload',
      send: async () => {
        const part = await app.inject({
          method: 'PUT',
          url: multipartPartsPath(bucket, mpuId, 'big/b.bin', 1),
          payload: Buffer.from('12345'),
        });
        const { etag } = part.json<{ etag: string }>();
        return json('POST', multipartCompletePath(bucket, mpuId, 'big/b.bin'), {
          parts: [{ n: 1, etag }],
        })();
      },
      expect: { bucket, key: 'big/b.bin', bytes: 5 },
      status: 200,
    },
    {
      route: 'DELETE /api/buckets/:bucket/multipart/:uploadId',
      action: 'upload.abort',
      // Completed already: the store says so (Ceph 404 NoSuchUpload, s3rver 502), and the line
      // its status.
      send: () => json('DELETE', multipartAbortPath(bucket, mpuId, 'big/b.bin'))(),
      expect: { bucket, key: 'big/b.bin' },
    },
    {
      route: 'POST /api/buckets/:bucket/upload-links',
      action: 'link.upload.create',
      send: async () => {
        const res = await json('POST', uploadLinksPath(bucket), {
          prefix: 'drop/',
          expiresIn: 3600,
        })();
        const made = res.json<{ url: string; id: string }>();
        linkId = made.id;
        uploadToken = new URL(made.url).pathname.replace(/^\/s\//, '');
        secrets.add(uploadToken);
        return res;
      },
      expect: { bucket, prefix: 'drop/' },
      status: 200,
    },
    {
      route: 'POST /s/:token/upload',
      action: 'link.upload.use',
      send: () => {
        const form = uploadForm(Buffer.from('dropped'));
        return app.injectRaw({
          method: 'POST',
          url: publicLinkUploadUrl(uploadToken, 'dropped.txt'),
          headers: { 'content-type': form.contentType },
          payload: form.payload,
        });
      },
      // Nobody signed in: the link's profile, and what it stored.
      expect: { bucket, key: 'drop/dropped.txt', bytes: 7, user: null, profile: 'test' },
      link: true,
      status: 200,
    },
    {
      route: 'DELETE /api/buckets/:bucket/links/:id',
      action: 'link.revoke',
      send: () => app.inject({ method: 'DELETE', url: linkPath(bucket, linkId) }),
      expect: { bucket },
      link: true,
      status: 204,
    },
    {
      route: 'POST /api/buckets/:bucket/share',
      action: 'link.share.create',
      send: async () => {
        const res = await json('POST', sharePath(bucket), {
          key: 'meta.txt',
          expiresIn: 3600,
          mode: 'relay',
          password: LINK_PASSWORD,
        })();
        shareToken = new URL(res.json<{ url: string }>().url).pathname.replace(/^\/s\//, '');
        secrets.add(shareToken);
        return res;
      },
      expect: { bucket, key: 'meta.txt' },
      status: 200,
    },
    {
      route: 'POST /s/:token/unlock',
      action: 'link.unlock',
      send: () =>
        app.injectRaw({
          method: 'POST',
          url: `/s/${shareToken}/unlock`,
          payload: { password: LINK_PASSWORD },
        }),
      expect: { user: null, bucket, key: 'meta.txt' },
      link: true,
    },
  ];
}

/** The routes a test drives on its own (sign-in, sign-out): coverage counts them too. */
const SESSION_ROUTES = ['POST /api/session', 'DELETE /api/session', 'DELETE /api/sessions'];

describe('the audit log: one line per state-changing request', () => {
  it('every write route writes exactly one line with its action, user, client and target', async () => {
    const wrong: string[] = [];
    for (const c of cases()) {
      const { res, line } = await logged(c.send);
      if (c.status !== undefined && res.statusCode !== c.status) {
        wrong.push(`${c.route}: ${res.statusCode} ${res.payload}`);
      }
      expect(line, c.route).toMatchObject({
        action: c.action,
        client: '127.0.0.1',
        result: { status: res.statusCode },
        profile: 'test',
        user: { who: testKeys().accessKeyId },
        ...c.expect,
      });
      expect(line.requestId, c.route).toMatch(/.+/);
      if (c.link) expect(line.link, c.route).toMatch(/.+/);
      expect(Date.parse(line.time), c.route).not.toBeNaN();
    }
    expect(wrong).toEqual([]);
  });

  it('every state-changing route of the router declares its audit line, and this test drives it', async () => {
    const declared = new Set<string>();
    for (const r of app.auditedRoutes) {
      if (!mustDeclare(r.method, r.writeScope)) continue;
      expect(r.audit, `${r.method} ${r.url}`).toBeDefined();
      if (r.audit && 'skip' in r.audit) continue;
      declared.add(`${r.method} ${r.url.replace(/\/settings\/[^/]+$/, '/settings/*')}`);
    }
    const driven = new Set([...cases().map((c) => c.route), ...SESSION_ROUTES]);
    expect([...declared].sort()).toEqual([...driven].sort());
    // The writes scope is seen as such (a GET there would have to declare too).
    expect(
      app.auditedRoutes.some((r) => r.writeScope && r.url === '/api/buckets/:bucket/object'),
    ).toBe(true);
  });

  it('a refused write is logged with its status: a 400, and a bucket outside the allowlist', async () => {
    const bad = await logged(json('DELETE', api('/object')));
    expect(bad.res.statusCode).toBe(400);
    expect(bad.line).toMatchObject({ action: 'object.delete', bucket, result: { status: 400 } });

    const fenced = await build({}, { audit, profile: { buckets: [other] } });
    try {
      const before = lines().length;
      const res = await fenced.inject({ method: 'DELETE', url: api('/object', { key: 'x.txt' }) });
      expect(res.statusCode).toBe(403);
      const [line] = (await linesAfter(before)).slice(-1);
      expect(line).toMatchObject({
        action: 'object.delete',
        bucket,
        key: 'x.txt',
        result: { status: 403 },
      });
    } finally {
      await fenced.close();
    }
  });

  it('a streamed copy is logged when its stream ends, with its summary counts', async () => {
    await put('s/1.txt');
    await put('s/2.txt');
    const { res, line } = await logged(() =>
      app.inject({
        method: 'POST',
        url: api('/copy'),
        headers: { accept: 'application/x-ndjson' },
        payload: { prefix: 's/', to: { bucket, prefix: 't/' }, move: true },
      }),
    );
    expect(res.statusCode).toBe(200);
    expect(line).toMatchObject({
      action: 'objects.move',
      bucket,
      prefix: 's/',
      result: { status: 200, done: 2, errors: 0 },
    });
  });

  it('sign-in success and failure, sign-out and sign-out everywhere', async () => {
    // Its own app: signing out everywhere ends every session of this user on that app.
    const own = await build({}, { audit, signIn: false });
    onTestFinished(() => own.close());
    const keys = testKeys();
    const signIn = (payload: object) =>
      own.injectRaw({
        method: 'POST',
        url: '/api/session',
        headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE },
        payload,
      });
    const failed = await logged(() =>
      signIn({ accessKeyId: keys.accessKeyId, secretAccessKey: `${keys.secretAccessKey}x` }),
    );
    expect(failed.res.statusCode).toBe(401);
    expect(failed.line).toMatchObject({
      action: 'auth.sign-in',
      user: { who: keys.accessKeyId },
      profile: 'test',
      result: { status: 401 },
    });
    secrets.add(`${keys.secretAccessKey}x`);

    const ok = await logged(() => signIn(keys));
    expect(ok.res.statusCode).toBe(200);
    expect(ok.line).toMatchObject({
      action: 'auth.sign-in',
      user: { who: keys.accessKeyId },
      profile: 'test',
      result: { status: 200 },
    });
    const headers = { [CSRF_HEADER]: CSRF_HEADER_VALUE, cookie: sessionCookie(ok.res) };
    const out = await logged(() =>
      own.injectRaw({ method: 'DELETE', url: '/api/session', headers }),
    );
    expect(out.line).toMatchObject({ action: 'auth.sign-out', user: { who: keys.accessKeyId } });

    const again = await signIn(keys);
    const everywhere = await logged(() =>
      own.injectRaw({
        method: 'DELETE',
        url: '/api/sessions',
        headers: { ...headers, cookie: sessionCookie(again) },
      }),
    );
    expect(everywhere.line).toMatchObject({
      action: 'auth.sign-out-everywhere',
      result: { status: 204 },
    });
  });

  it('an audit file that cannot be written is told once in the log and fails no request', async () => {
    const told: string[] = [];
    const broken = new AuditLog({ stdout: false, file: path.join(dir, 'no-such-dir', 'a.log') });
    broken.onProblem = (message) => void told.push(message);
    const other = await build({}, { audit: broken });
    try {
      await put('unlogged-1.txt');
      await put('unlogged-2.txt');
      for (const key of ['unlogged-1.txt', 'unlogged-2.txt']) {
        const res = await other.inject({ method: 'DELETE', url: api('/object', { key }) });
        expect(res.statusCode).toBe(204);
      }
      await new Promise((r) => setTimeout(r, 100));
      expect(told).toEqual([
        `Cannot write the audit log ${path.join(dir, 'no-such-dir', 'a.log')}`,
      ]);
    } finally {
      await other.close();
    }
  });

  it('names at most 20 keys with their count, and the client as the trusted proxy says', async () => {
    const proxied = await build(
      {},
      { audit, http: { ...DEFAULT_HTTP_CONFIG, trustProxy: ['127.0.0.1'] } },
    );
    try {
      const keys = Array.from({ length: 25 }, (_, i) => `many/${String(i).padStart(2, '0')}.txt`);
      const before = lines().length;
      const res = await proxied.inject({
        method: 'POST',
        url: api('/delete'),
        headers: { 'x-forwarded-for': '203.0.113.9' },
        payload: { keys },
      });
      expect(res.statusCode).toBe(200);
      const [line] = (await linesAfter(before)).slice(-1);
      expect(line).toMatchObject({
        action: 'objects.delete',
        client: '203.0.113.9',
        keys: keys.slice(0, 20),
        keyCount: 25,
      });
    } finally {
      await proxied.close();
    }
  });

  it('stdout lines carry "audit":true and the same entry', () => {
    const fromStdout = stdoutLines.map((l) => JSON.parse(l) as AuditEntry & { audit?: boolean });
    expect(fromStdout.length).toBe(lines().length);
    expect(fromStdout.every((l) => l.audit === true)).toBe(true);
    const { audit: _a, ...first } = fromStdout[0]!;
    expect(first).toEqual(lines()[0]);
  });

  it('no secret, password, token or session cookie in any line', () => {
    const text = readFileSync(file, 'utf8') + stdoutLines.join('');
    expect(secrets.size).toBeGreaterThan(5);
    // The embedded store's secret key is its access key id, which lines name on purpose.
    secrets.delete(testKeys().accessKeyId);
    for (const s of secrets) expect(text.includes(s), `a secret of ${s.length} chars`).toBe(false);
    expect(text).not.toMatch(/password"\s*:|secretAccessKey|cookie/i);
  });
});

describe('GET /api/audit', () => {
  it('answers an admin with the newest entries first, filtered by action, bucket and user', async () => {
    const res = await app.inject(`/api/audit?${q({ action: 'object.delete', bucket })}`);
    expect(res.statusCode, res.payload).toBe(200);
    const { entries } = res.json<{ entries: AuditEntry[] }>();
    expect(entries.length).toBeGreaterThanOrEqual(2);
    expect(entries.every((e) => e.action === 'object.delete' && e.bucket === bucket)).toBe(true);
    // Newest first: the refused delete (a 403, later) before the one that worked.
    const times = entries.map((e) => Date.parse(e.time));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const prefixed = await app.inject(`/api/audit?${q({ action: 'auth.' })}`);
    expect(
      new Set(prefixed.json<{ entries: AuditEntry[] }>().entries.map((e) => e.action)),
    ).toEqual(new Set(['auth.sign-in', 'auth.sign-out', 'auth.sign-out-everywhere']));

    const byUser = await app.inject(
      `/api/audit?${q({ user: testKeys().accessKeyId.toUpperCase() })}`,
    );
    expect(byUser.json<{ entries: AuditEntry[] }>().entries.length).toBeGreaterThan(10);
    const nobody = await app.inject(`/api/audit?${q({ user: 'nobody' })}`);
    expect(nobody.json()).toEqual({ entries: [], cursor: null });
  });

  it('pages with limit and before (the cursor), down to the first line', async () => {
    const all = lines().reverse();
    const seen: AuditEntry[] = [];
    let before: string | undefined;
    for (let i = 0; i < 100; i++) {
      const res = await app.inject(`/api/audit?${q({ limit: 7, before })}`);
      expect(res.statusCode, res.payload).toBe(200);
      const page = res.json<{ entries: AuditEntry[]; cursor: string | null }>();
      seen.push(...page.entries);
      if (page.cursor === null) break;
      before = page.cursor;
    }
    // The GETs are not logged: the file did not change while it was paged.
    expect(seen.map((e) => e.requestId)).toEqual(all.map((e) => e.requestId));
  });

  it('refuses bad filters with 400, a non-admin with 403, and says when there is no file', async () => {
    for (const bad of ['limit=0', 'limit=501', 'limit=x', 'before=abc']) {
      const res = await app.inject(`/api/audit?${bad}`);
      expect(res.statusCode, bad).toBe(400);
    }
    const plain = await build({}, { audit });
    try {
      const res = await plain.inject('/api/audit');
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'NotAdmin' });
      const session = await plain.inject('/api/session');
      expect(session.json()).toMatchObject({ signedIn: true, admin: false });
    } finally {
      await plain.close();
    }
    expect((await app.inject('/api/session')).json()).toMatchObject({ admin: true });
    const noFile = new AuditLog({ stdout: true, file: undefined }, () => {});
    const stdoutOnly = await build({}, { audit: noFile, profile: { admin: true } });
    try {
      const res = await stdoutOnly.inject('/api/audit');
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'NoAuditFile' });
    } finally {
      await stdoutOnly.close();
    }
  });
});
