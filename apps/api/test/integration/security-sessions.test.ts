import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '@stowage/shared';
import { MemorySessionRevocations } from '../../src/auth/session-revocations.js';
import { build, testPasswordHash, TEST_PASSWORD, type TestApp, testKeys } from '../helper.js';
import { listenOnLoopback, rawRequest } from '../raw-http.js';

const csrf = { [CSRF_HEADER]: '1' };
const keys = testKeys;
const apps: TestApp[] = [];
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'stowage-revoked-'));
});
afterAll(async () => {
  for (const a of apps) await a.close();
  rmSync(dir, { recursive: true, force: true });
});
async function started(...args: Parameters<typeof build>) {
  const app = await build(...args);
  apps.push(app);
  return { app, port: await listenOnLoopback(app) };
}

/** Signs in over HTTP and answers the `name=value` of the session cookie. */
async function signIn(port: number, body: object, headers: Record<string, string> = {}) {
  const res = await rawRequest(port, {
    method: 'POST',
    path: '/api/session',
    headers: { 'content-type': 'application/json', ...csrf, ...headers },
    body: JSON.stringify(body),
  });
  return { res, cookie: res.headers['set-cookie']?.split(';')[0] };
}
const listBuckets = (port: number, cookie: string) =>
  rawRequest(port, { path: '/api/buckets', headers: { cookie } });

describe('sign-out ends the session on the server', () => {
  it('refuses a copy of the cookie after sign-out (it worked until its limit before)', async () => {
    const { port } = await started({}, { signIn: false });
    const { cookie } = await signIn(port, keys());
    const copy = cookie!;
    expect((await listBuckets(port, copy)).status).toBe(200);
    const out = await rawRequest(port, {
      method: 'DELETE',
      path: '/api/session',
      headers: { cookie: copy, ...csrf },
    });
    expect(out.status).toBe(204);
    const after = await listBuckets(port, copy);
    expect(after.status).toBe(401);
    expect(JSON.parse(after.body).message).toBe('Your session has ended: sign in again');
    // A new sign-in is a new session.
    const again = await signIn(port, keys());
    expect((await listBuckets(port, again.cookie!)).status).toBe(200);
  });

  it('keeps a signed-out cookie refused after a restart (revocations kept in the data dir)', async () => {
    const file = path.join(dir, 'revoked-sessions.jsonl');
    const first = await started(
      {},
      { signIn: false, sessionRevocations: new MemorySessionRevocations(file) },
    );
    const { cookie } = await signIn(first.port, keys());
    await rawRequest(first.port, {
      method: 'DELETE',
      path: '/api/session',
      headers: { cookie: cookie!, ...csrf },
    });
    await first.app.close();
    // The next process, same session secret, reads the notes back.
    const second = await started(
      {},
      { signIn: false, sessionRevocations: new MemorySessionRevocations(file) },
    );
    expect((await listBuckets(second.port, cookie!)).status).toBe(401);
  });

  it('signs out everywhere: every session of that user ends, later sign-ins work', async () => {
    const { port } = await started({}, { signIn: false });
    const a = (await signIn(port, keys())).cookie!;
    const b = (await signIn(port, keys())).cookie!;
    expect((await listBuckets(port, b)).status).toBe(200);
    const everywhere = await rawRequest(port, {
      method: 'DELETE',
      path: '/api/sessions',
      headers: { cookie: a, ...csrf },
    });
    expect(everywhere.status).toBe(204);
    expect(everywhere.headers['set-cookie']).toMatch(/^stowage_session=;/);
    expect((await listBuckets(port, a)).status).toBe(401);
    expect((await listBuckets(port, b)).status).toBe(401);
    const c = (await signIn(port, keys())).cookie!;
    expect((await listBuckets(port, c)).status).toBe(200);
  });

  it('needs a session (and the CSRF header) to sign out everywhere', async () => {
    const { port } = await started({}, { signIn: false });
    expect(
      (await rawRequest(port, { method: 'DELETE', path: '/api/sessions', headers: csrf })).status,
    ).toBe(401);
    const cookie = (await signIn(port, keys())).cookie!;
    const noHeader = await rawRequest(port, {
      method: 'DELETE',
      path: '/api/sessions',
      headers: { cookie },
    });
    expect(noHeader.status).toBe(403);
    expect((await listBuckets(port, cookie)).status).toBe(200);
  });
});

describe('failed sign-ins from one address do not lock the user out elsewhere', () => {
  it('refuses the guessing address, lets the right user in from another (behind a proxy)', async () => {
    // Clients are told apart by X-Forwarded-For, believed from the proxy on loopback.
    const { port } = await started(
      {},
      {
        signIn: false,
        access: { loginRateLimit: { max: 10, windowMs: 60_000 } },
        http: { trustProxy: ['loopback'] },
      },
    );
    const attacker = { 'x-forwarded-for': '203.0.113.9' };
    for (let i = 0; i < 10; i++) {
      const { res } = await signIn(port, { ...keys(), secretAccessKey: `guess ${i}` }, attacker);
      expect(res.status).toBe(401);
    }
    expect((await signIn(port, keys(), attacker)).res.status).toBe(429);
    const user = await signIn(port, keys(), { 'x-forwarded-for': '198.51.100.7' });
    expect(user.res.status).toBe(200);
  });

  it('does the same for a dashboard password', async () => {
    const { port } = await started(
      {},
      {
        signIn: false,
        profile: { serverKeys: keys(), passwordHash: await testPasswordHash() },
        access: { loginRateLimit: { max: 10, windowMs: 60_000 } },
        http: { trustProxy: ['loopback'] },
      },
    );
    const attacker = { 'x-forwarded-for': '203.0.113.10' };
    for (let i = 0; i < 10; i++) {
      expect((await signIn(port, { password: `guess ${i}` }, attacker)).res.status).toBe(401);
    }
    expect((await signIn(port, { password: TEST_PASSWORD }, attacker)).res.status).toBe(429);
    const user = await signIn(
      port,
      { password: TEST_PASSWORD },
      { 'x-forwarded-for': '198.51.100.8' },
    );
    expect(user.res.status).toBe(200);
  });
});

describe('a sign-in while the store is down', () => {
  it("says the store is unreachable without naming the operator's endpoint (the log does)", async () => {
    const logLines: string[] = [];
    const { port } = await started(
      { endpoint: 'http://127.0.0.1:9', maxAttempts: 1 },
      {
        signIn: false,
        logger: { level: 'warn', stream: { write: (l: string) => void logLines.push(l) } },
      },
    );
    const { res } = await signIn(port, keys());
    expect(res.status).toBe(502);
    expect(JSON.parse(res.body)).toEqual({
      statusCode: 502,
      code: 'StoreUnavailable',
      error: 'Bad Gateway',
      message: 'The store is unreachable or failing: try again later, or tell the operator',
      requestId: expect.any(String),
    });
    expect(res.body).not.toContain('127.0.0.1:9');
    expect(logLines.join('')).toContain('The store at http://127.0.0.1:9 is unreachable');
  });
});
