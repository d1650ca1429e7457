/**
 * What every request passes on its way (the hooks trimmed for ADR 0002): the security headers
 * exactly as helmet makes them, the request id, Cache-Control on the API, the request's logger,
 * and session revocation checked on every request whether the revocations answer at once or
 * with a promise (Redis).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@stowage/shared';
import { buildApp } from '../../src/build-app.js';
import {
  MemorySessionRevocations,
  type SessionRevocations,
} from '../../src/auth/session-revocations.js';
import { build, testAccess, testStoreConfig, type TestApp } from '../helper.js';
import { listenOnLoopback, rawRequest, type RawResponse } from '../raw-http.js';

const CSP =
  "default-src 'self';script-src 'self' 'wasm-unsafe-eval';style-src 'self';" +
  "img-src 'self' blob: data:;media-src 'self';frame-src 'self';connect-src 'self';" +
  "font-src 'self';object-src 'none';base-uri 'none';form-action 'self';frame-ancestors 'none'";

/** Every security header of an answer, as helmet 8 writes them with build-app's options. */
const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CSP,
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

const security = (res: RawResponse) =>
  Object.fromEntries(Object.keys(SECURITY_HEADERS).map((name) => [name, res.headers[name]]));

const apps: TestApp[] = [];
afterAll(async () => {
  for (const a of apps) await a.close();
});

describe('headers on every answer', () => {
  let app: TestApp;
  let port: number;
  beforeAll(async () => {
    app = await build();
    apps.push(app);
    port = await listenOnLoopback(app);
  });

  it('sends exactly helmet’s security headers on answers of every kind', async () => {
    const cookie = app.sessionHeaders.cookie!;
    const answers = [
      await rawRequest(port, { path: '/api/health' }),
      await rawRequest(port, { path: '/api/buckets', headers: { cookie } }),
      // Not signed in, an unknown route, a refused host, a path the router cannot read.
      await rawRequest(port, { path: '/api/buckets' }),
      await rawRequest(port, { path: '/api/no-such-route' }),
      await rawRequest(port, { path: '/api/health', headers: { host: 'evil.example' } }),
      await rawRequest(port, { path: '/api/buckets/%E0%A4%A/objects' }),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 200, 401, 404, 421, 400]);
    for (const res of answers) {
      expect(security(res), String(res.status)).toEqual(SECURITY_HEADERS);
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('marks API answers no-store, a refused host and an escaped /api path too; not the rest', async () => {
    const refused = await rawRequest(port, {
      path: '/api/health',
      headers: { host: 'evil.example' },
    });
    expect(refused.status).toBe(421);
    expect(refused.headers['cache-control']).toBe('no-store');
    const escaped = await rawRequest(port, { path: '/%61pi/no-such-route' });
    expect(escaped.status).toBe(404);
    expect(escaped.headers['cache-control']).toBe('no-store');
    const outside = await rawRequest(port, { path: '/no-such-page' });
    expect(outside.status).toBe(404);
    expect(outside.headers['cache-control']).toBeUndefined();
  });

  it('names each answer with its own request id, the one an error body gives', async () => {
    const ids = new Set<string>();
    // More than one pool of ids (512): the pool is refilled with new random bytes.
    for (let i = 0; i < 600; i++) {
      const res = await app.injectRaw({ url: '/api/health' });
      const id = String(res.headers['x-request-id']);
      expect(id).toMatch(/^[0-9a-f]{16}$/);
      ids.add(id);
    }
    expect(ids.size).toBe(600);
    const refused = await rawRequest(port, { path: '/api/buckets' });
    expect(JSON.parse(refused.body).requestId).toBe(refused.headers['x-request-id']);
  });
});

describe("a request's logger", () => {
  async function logged(level: string) {
    const lines: Record<string, unknown>[] = [];
    const app = await buildApp({
      access: await testAccess(testStoreConfig(), false),
      logger: { level, stream: { write: (l: string) => void lines.push(JSON.parse(l)) } },
    });
    app.get('/log-probe', { config: { public: true } }, async (request) => {
      request.log.info('probe info');
      request.log.warn({ seen: true }, 'probe warn');
      return { ok: true };
    });
    await app.ready();
    apps.push(app as TestApp);
    const port = await listenOnLoopback(app);
    const res = await rawRequest(port, { path: '/log-probe' });
    expect(res.status).toBe(200);
    return { lines, id: res.headers['x-request-id'] };
  }

  it('writes at warn with the request id, and nothing below its level', async () => {
    const { lines, id } = await logged('warn');
    expect(lines.map((l) => l.msg)).toEqual(['probe warn']);
    expect(lines[0]).toMatchObject({ reqId: id, seen: true, level: 40 });
  });

  it('writes every line of the request with its id at info, the request line too', async () => {
    const { lines, id } = await logged('info');
    const mine = lines.filter((l) => l.reqId === id).map((l) => l.msg);
    expect(mine).toEqual(['probe info', 'probe warn', 'request']);
  });
});

/** Revocations answering with promises, as the shared (Redis) ones do. */
class AsyncRevocations implements SessionRevocations {
  readonly memory = new MemorySessionRevocations();
  asked = 0;
  async revoke(sid: string, until: number) {
    await Promise.resolve();
    this.memory.revoke(sid, until);
  }
  async revokeSubject(subject: string, before: number, until: number) {
    await Promise.resolve();
    this.memory.revokeSubject(subject, before, until);
  }
  async isRevoked(sid: string, subject: string, createdAt: number) {
    this.asked++;
    await new Promise((r) => setTimeout(r, 1));
    return this.memory.isRevoked(sid, subject, createdAt);
  }
}

describe('a signed-out session is refused on its next request', () => {
  for (const kind of ['in memory', 'answered with a promise'] as const) {
    it(`with revocations ${kind}`, async () => {
      const revocations =
        kind === 'in memory' ? new MemorySessionRevocations() : new AsyncRevocations();
      const app = await build({}, { sessionRevocations: revocations });
      apps.push(app);
      const port = await listenOnLoopback(app);
      const cookie = app.sessionHeaders.cookie!;
      const before = await rawRequest(port, { path: '/api/buckets', headers: { cookie } });
      expect(before.status).toBe(200);
      const out = await rawRequest(port, {
        method: 'DELETE',
        path: '/api/session',
        headers: { cookie, [CSRF_HEADER]: CSRF_HEADER_VALUE },
      });
      expect(out.status).toBeLessThan(300);
      // The same cookie again, as a client that kept it would send it.
      const after = await rawRequest(port, { path: '/api/buckets', headers: { cookie } });
      expect(after.status).toBe(401);
      expect(JSON.parse(after.body).code).toBe('SessionEnded');
      if (revocations instanceof AsyncRevocations) expect(revocations.asked).toBeGreaterThan(1);
    });
  }
});
