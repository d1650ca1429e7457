import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '@stowage/shared';
import {
  build,
  createBucket,
  q,
  testPasswordHash,
  testStoreConfig,
  TEST_PASSWORD,
  type TestApp,
} from '../helper.js';
import { uploadForm } from '../multipart.js';
import { newLinkId, signLinkToken } from '../../src/links/link-token.js';

/**
 * A secret key unique to this run. It is the server-held secret of the app under test (the
 * store refuses it, so every store call takes the error path, where a secret is likeliest to
 * be echoed) and the secret of failed key sign-ins.
 */
const MARKER = `marker-${randomBytes(12).toString('hex')}`;
const forms = [MARKER, Buffer.from(MARKER).toString('base64'), encodeURIComponent(MARKER)];
const logLines: string[] = [];
let app: TestApp;
let bucket: string;
const seen: { what: string; text: string }[] = [];

beforeAll(async () => {
  const fixtures = await build();
  bucket = await createBucket(fixtures, 'secrets');
  await fixtures.objectStore.putObject({ bucket, key: 'a.txt', body: 'hello' });
  await fixtures.close();
  const { accessKeyId } = testStoreConfig();
  app = await build(
    { secretAccessKey: MARKER },
    {
      logger: { level: 'trace', stream: { write: (line: string) => void logLines.push(line) } },
      profile: {
        serverKeys: { accessKeyId, secretAccessKey: MARKER },
        passwordHash: await testPasswordHash(),
      },
    },
  );
});
afterAll(() => app?.close());

/** Records every response's status line, headers and body for the scan. */
async function exercise(
  res: { statusCode: number; headers: object; payload: string },
  what: string,
) {
  seen.push({ what, text: `${res.statusCode} ${JSON.stringify(res.headers)} ${res.payload}` });
  return res;
}

describe('the secret key', () => {
  it('appears in no response of any route, nor any log line', async () => {
    // Every route from the router, with a session made by the dashboard password.
    // A share link's public routes too, with a token of this app naming a link on a.txt.
    const token = signLinkToken(app.linkKey, {
      id: newLinkId(),
      kind: 'download',
      profile: 'test',
      bucket,
      key: 'a.txt',
      expiresAt: Math.floor(Date.now() / 1000) + 600,
    });
    for (const route of app.routeList) {
      const ours = route.url.startsWith('/api') || route.url.startsWith('/s/');
      if (!ours || route.url.includes('*')) continue;
      const url = `${route.url.replace(':bucket', bucket).replace(':token', token).replace(':id', newLinkId())}?${q({ key: 'a.txt', prefix: '' })}`;
      const payload = route.url.endsWith('/session')
        ? { password: TEST_PASSWORD }
        : route.url.endsWith('/share')
          ? { key: 'a.txt', expiresIn: 600 }
          : route.url.endsWith('/unlock')
            ? { password: 'a guess' }
            : route.url.endsWith('/delete') || route.url.endsWith('/existing-keys')
              ? { keys: ['a.txt'] }
              : route.url.endsWith('/tags')
                ? { tags: [{ key: 't', value: 'v' }] }
                : route.url.endsWith('/metadata')
                  ? { metadata: { m: 'v' } }
                  : undefined;
      // Keep the session: the sign-out routes (session tests cover them) are not called.
      if (route.method === 'DELETE' && /^\/api\/sessions?$/.test(route.url)) continue;
      await exercise(
        await app.inject({ method: route.method as 'GET', url, payload }),
        `${route.method} ${route.url}`,
      );
    }
    // Failed key sign-ins carrying the marker as their secret.
    const { accessKeyId } = testStoreConfig();
    await exercise(
      await app.injectRaw({
        method: 'POST',
        url: '/api/session',
        headers: { [CSRF_HEADER]: '1' },
        payload: { accessKeyId, secretAccessKey: MARKER },
      }),
      'key sign-in',
    );
    // An authorization header and a cookie are redacted from any log line that holds them.
    await exercise(
      await app.inject({
        url: '/api/buckets',
        headers: { authorization: `Bearer ${MARKER}`, 'x-extra': 'x' },
      }),
      'authorization header',
    );
    expect(seen.length).toBeGreaterThan(20);
    for (const { what, text } of seen) {
      for (const form of forms) expect(text.includes(form), what).toBe(false);
    }
    expect(logLines.length).toBeGreaterThan(20);
    for (const line of logLines) {
      for (const form of forms) expect(line.includes(form), line).toBe(false);
    }
  });

  it('is redacted wherever a log line would hold it', () => {
    app.log.info(
      {
        body: { secretAccessKey: MARKER, password: MARKER },
        req: { headers: { authorization: MARKER, cookie: MARKER } },
      },
      'probe',
    );
    const line = logLines.find((l) => l.includes('"probe"'))!;
    expect(line).toBeDefined();
    expect(line).not.toContain(MARKER);
    expect(line).toContain('[Redacted]');
  });

  it('is in no file of the built web app', () => {
    const dist = fileURLToPath(new URL('../../../web/dist', import.meta.url));
    expect(existsSync(path.join(dist, 'index.html')), 'build the web app first').toBe(true);
    const { secretAccessKey } = testStoreConfig();
    const files = walk(dist);
    expect(files.length).toBeGreaterThan(2);
    for (const file of files) {
      const text = readFileSync(file, 'latin1');
      expect(text.includes(MARKER), file).toBe(false);
      // The suite store's own secret neither: the build sees no server environment.
      if (secretAccessKey.length >= 16) expect(text.includes(secretAccessKey), file).toBe(false);
    }
  });
});

describe('the session cookie', () => {
  it('appears in no log line at trace level, an upload included', async () => {
    const cookieValue = decodeURIComponent(app.sessionHeaders.cookie!.split('=')[1]!);
    expect(cookieValue.length).toBeGreaterThan(40);
    const before = logLines.length;
    const form = uploadForm(Buffer.from('traced'));
    const res = await app.inject({
      method: 'POST',
      url: `/api/buckets/${bucket}/upload?${q({ key: 'traced.txt' })}`,
      headers: { 'content-type': form.contentType, authorization: `Bearer ${MARKER}` },
      payload: form.payload,
    });
    expect([200, 403]).toContain(res.statusCode);
    const lines = logLines.slice(before);
    // @fastify/multipart traces the request headers it hands to busboy.
    expect(lines.some((l) => l.includes('Providing options to busboy'))).toBe(true);
    for (const line of lines) {
      expect(line.includes(cookieValue.slice(0, 40)), line).toBe(false);
      for (const f of forms) expect(line.includes(f), line).toBe(false);
    }
  });
});

describe('the request log', () => {
  it('writes one line per request: method, route pattern, status, latency, bucket', async () => {
    const before = logLines.length;
    await app.inject(`/api/buckets/${bucket}/objects?${q({ prefix: 'secret-folder/' })}`);
    const lines = logLines.slice(before).map((l) => JSON.parse(l) as Record<string, unknown>);
    const requests = lines.filter((l) => l.msg === 'request');
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      method: 'GET',
      route: '/api/buckets/:bucket/objects',
      // The store refuses the marker secret.
      status: 403,
      bucket,
    });
    expect(typeof requests[0]!.ms).toBe('number');
    // Fastify's own "incoming request" / "request completed" lines are off.
    expect(lines.filter((l) => /incoming request|request completed/.test(String(l.msg)))).toEqual(
      [],
    );
    // The query (object keys, prefixes) is not logged.
    expect(lines.some((l) => JSON.stringify(l).includes('secret-folder'))).toBe(false);
  });
});

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}
