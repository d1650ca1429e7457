import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { GetObjectTaggingCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '@stowage/shared';
import { buildApp } from '../../src/build-app.js';
import {
  build,
  createBucket,
  fixtureClient,
  q,
  testAccess,
  testStoreConfig,
  TEST_PASSWORD,
  type TestApp,
  testKeys,
} from '../helper.js';
import { listenOnLoopback, rawRequest } from '../raw-http.js';

const s3 = fixtureClient();
const csrf = { [CSRF_HEADER]: '1' };
const keys = testKeys;
const apps: TestApp[] = [];
afterAll(async () => {
  for (const a of apps) await a.close();
});
async function started(...args: Parameters<typeof build>) {
  const app = await build(...args);
  apps.push(app);
  return { app, port: await listenOnLoopback(app) };
}

describe('DNS rebinding: only requests naming this server are answered (STOWAGE_AUTH=off)', () => {
  let port: number;
  let bucket: string;
  const key = 'rebind.txt';
  const tagsPath = () => `/api/buckets/${bucket}/object/tags?${q({ key })}`;
  const putTags = (host: string) =>
    rawRequest(port, {
      method: 'PUT',
      path: tagsPath(),
      headers: {
        host,
        origin: `http://${host}`,
        'content-type': 'application/json',
        'sec-fetch-site': 'same-origin',
        ...csrf,
      },
      body: JSON.stringify({ tags: [{ key: 'owned', value: 'by-attacker' }] }),
    });
  const storedTags = async () =>
    (await s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: key }))).TagSet ?? [];

  beforeAll(async () => {
    // No sign-in: everyone who reaches the port acts with the server-held keys.
    const s = await started(
      {},
      { signIn: false, profile: { serverKeys: keys() }, access: { authRequired: false } },
    );
    port = s.port;
    bucket = await createBucket(s.app, 'rebind');
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'x' }));
  });

  it("refuses a page on the attacker's name that resolves to 127.0.0.1 (421), and writes nothing", async () => {
    const res = await putTags(`rebind.attacker.example:${port}`);
    expect(res.status).toBe(421);
    expect(JSON.parse(res.body)).toMatchObject({ statusCode: 421, error: 'Misdirected Request' });
    expect(JSON.parse(res.body).message).toContain('"rebind.attacker.example:');
    expect(await storedTags()).toEqual([]);
    // Reads too: the attacker's page could read the answer, being "same-origin" to its name.
    for (const p of ['/api/buckets', `/api/buckets/${bucket}/objects`, '/api/session', '/']) {
      const read = await rawRequest(port, {
        path: p,
        headers: { host: `rebind.attacker.example:${port}` },
      });
      expect(read.status, p).toBe(421);
      expect(read.headers['content-security-policy'], p).toContain("default-src 'self'");
    }
  });

  it('answers the same request under a loopback name or an IP address', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST.:${port}`]) {
      const res = await putTags(host);
      expect(res.status, host).toBe(200);
    }
    expect(await storedTags()).toEqual([{ Key: 'owned', Value: 'by-attacker' }]);
  });

  it('refuses a look-alike name and a missing Host', async () => {
    for (const host of [`localhost.attacker.example:${port}`, `127.0.0.1.nip.io:${port}`]) {
      expect((await putTags(host)).status, host).toBe(421);
    }
    // HTTP/1.0 may leave Host out; nothing then names this server.
    const http10 = await new Promise<string>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      let text = '';
      socket.on('data', (c: Buffer) => (text += c.toString()));
      socket.on('end', () => resolve(text));
      socket.write('GET /api/buckets HTTP/1.0\r\n\r\n');
    });
    expect(http10).toMatch(/^HTTP\/1\.[01] 421 /);
  });

  it('answers names listed in STOWAGE_ALLOWED_HOSTS (and their subdomains with a leading dot)', async () => {
    const { port: p } = await started(
      {},
      {
        signIn: false,
        profile: { serverKeys: keys() },
        access: { authRequired: false },
        http: {
          allowedHosts: { any: false, names: ['localhost', 'stowage.internal', '.corp.example'] },
        },
      },
    );
    for (const [host, status] of [
      ['stowage.internal:8080', 200],
      ['a.corp.example', 200],
      ['corp.example', 200],
      ['evilcorp.example', 421],
      ['stowage.internal.attacker.example', 421],
    ] as const) {
      const res = await rawRequest(p, { path: '/api/health', headers: { host } });
      expect(res.status, host).toBe(status);
    }
  });
});

describe('the gate decides by the route the router matched, not the raw URL', () => {
  let port: number;
  beforeAll(async () => {
    ({ port } = await started({}, { signIn: false }));
  });

  it('keeps /%61pi/… (the router reads /api/…) behind the session', async () => {
    for (const p of [
      '/%61pi/docs/json',
      '/%61pi/buckets',
      '/%61%70%69/buckets',
      '/api/%64ocs/json',
    ]) {
      const res = await rawRequest(port, { path: p });
      expect(res.status, p).toBe(401);
      expect(JSON.parse(res.body).message, p).toBe('Sign in to use Stowage');
    }
  });

  it('checks CSRF on /%61pi/session: no sign-in or sign-out without the header, or cross-site', async () => {
    const signIn = await rawRequest(port, {
      method: 'POST',
      path: '/%61pi/session',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
      body: JSON.stringify(keys()),
    });
    expect(signIn.status).toBe(403);
    expect(signIn.headers['set-cookie']).toBeUndefined();
    const signOut = await rawRequest(port, { method: 'DELETE', path: '/%61pi/session' });
    expect(signOut.status).toBe(403);
    expect(JSON.parse(signOut.body).message).toBe(
      'This request needs the header x-stowage-csrf: 1',
    );
  });
});

describe('a handler cannot reach a store without a session (fail closed)', () => {
  it('answers 401 from request.objectStore on a route marked public, and 401 at the gate otherwise', async () => {
    const access = await testAccess(testStoreConfig(), false);
    const app = await buildApp({ access });
    let storeCalls = 0;
    app.get('/api/probe-public', { config: { public: true } }, async (request) => {
      await request.objectStore.listBuckets();
      storeCalls += 1;
      return { reached: true };
    });
    app.get('/outside-api', async () => ({ reached: true }));
    try {
      const port = await listenOnLoopback(app);
      const pub = await rawRequest(port, { path: '/api/probe-public' });
      expect(pub.status).toBe(401);
      expect(storeCalls).toBe(0);
      // A route outside /api that nobody marked public needs a session too.
      expect((await rawRequest(port, { path: '/outside-api' })).status).toBe(401);
    } finally {
      await app.close();
    }
  });
});

describe('low findings', () => {
  let app: TestApp;
  let port: number;
  let bucket: string;
  beforeAll(async () => {
    ({ app, port } = await started());
    bucket = await createBucket(app, 'low');
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'a.txt', Body: 'a' }));
  });

  it('answers a bad %-escape with the JSON error shape and the security headers', async () => {
    const res = await rawRequest(port, { path: '/api/buckets/%E0%A4%A/objects' });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({
      statusCode: 400,
      code: 'BadRequest',
      error: 'Bad Request',
      message: 'The URL is malformed (a bad %-escape)',
      requestId: expect.any(String),
    });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('marks every API answer Cache-Control: no-store (data, content, errors, unknown routes)', async () => {
    const cookie = app.sessionHeaders.cookie!;
    for (const p of [
      '/api/buckets',
      `/api/buckets/${bucket}/objects`,
      `/api/buckets/${bucket}/object/content?${q({ key: 'a.txt' })}`,
      `/api/buckets/${bucket}/object?${q({ key: 'nope' })}`,
      '/api/no-such-route',
      '/api/session',
    ]) {
      const res = await rawRequest(port, { path: p, headers: { cookie } });
      expect(res.headers['cache-control'], `${p} (${res.status})`).toBe('no-store');
    }
  });

  it('refuses an Origin of the same host with another scheme', async () => {
    const res = await rawRequest(port, {
      method: 'DELETE',
      path: `/api/buckets/${bucket}/object?${q({ key: 'a.txt' })}`,
      headers: { cookie: app.sessionHeaders.cookie!, origin: `https://127.0.0.1:${port}`, ...csrf },
    });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).message).toBe('Requests from another origin are refused');
  });
});

describe('behind a TLS-terminating proxy (STOWAGE_TRUST_PROXY)', () => {
  const signIn = (port: number, headers: Record<string, string>) =>
    rawRequest(port, {
      method: 'POST',
      path: '/api/session',
      headers: { 'content-type': 'application/json', ...csrf, ...headers },
      body: JSON.stringify({ password: TEST_PASSWORD }),
    });

  it.each([
    ['trusted', ['loopback'], true],
    ['not trusted', false, false],
  ] as const)('X-Forwarded-Proto from a %s peer', async (_label, trustProxy, secure) => {
    const { port } = await started(
      {},
      { signIn: 'password', http: { trustProxy: trustProxy === false ? false : [...trustProxy] } },
    );
    const res = await signIn(port, {
      'x-forwarded-proto': 'https',
      origin: `https://127.0.0.1:${port}`,
    });
    if (secure) {
      expect(res.status).toBe(200);
      expect(res.headers['set-cookie']).toMatch(/; Secure/);
    } else {
      // Not believed: the request stays plain http, so the https Origin is another origin.
      expect(res.status).toBe(403);
      const plain = await signIn(port, { 'x-forwarded-proto': 'https' });
      expect(plain.status).toBe(200);
      expect(plain.headers['set-cookie']).not.toMatch(/Secure/);
    }
  });
});

describe('source maps are served only when configured', () => {
  let webDir: string;
  beforeAll(() => {
    webDir = mkdtempSync(path.join(os.tmpdir(), 'stowage-web-'));
    mkdirSync(path.join(webDir, 'assets'));
    writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(path.join(webDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(
      path.join(webDir, 'assets', 'app.js.map'),
      '{"version":3,"sources":["secret.ts"]}',
    );
  });
  afterAll(() => rmSync(webDir, { recursive: true, force: true }));

  it.each([false, true])('STOWAGE_SOURCE_MAPS=%s', async (serveSourceMaps) => {
    const { port } = await started({}, { signIn: false, webDir, http: { serveSourceMaps } });
    const map = await rawRequest(port, { path: '/assets/app.js.map' });
    const js = await rawRequest(port, { path: '/assets/app.js' });
    expect(js.status).toBe(200);
    if (serveSourceMaps) {
      expect(map.status).toBe(200);
      expect(map.body).toContain('secret.ts');
      expect(js.headers.sourcemap).toBe('app.js.map');
    } else {
      expect(map.status).toBe(404);
      expect(map.body).not.toContain('secret.ts');
      expect(js.headers.sourcemap).toBeUndefined();
    }
  });
});
