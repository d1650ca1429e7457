import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from './server-process.js';

let server: ServerProcess;
let base = '';
const out = () => server.output();

beforeAll(async () => {
  server = await startServerProcess();
  base = server.base;
}, 60_000);
afterAll(() => server?.stop());

describe('the embedded default, as started by npm start', () => {
  it('prints the keys to sign in with, and warns that sessions end on restart', async () => {
    // Either may come just after the start line (stdout and stderr are two pipes).
    await server.waitFor('the session warning', (o) => o.includes('No STOWAGE_SESSION_SECRET'));
    expect(out()).toContain(
      "Sign in with access key S3RVER and secret key S3RVER (the embedded store's keys)",
    );
    expect(out()).toContain('No STOWAGE_SESSION_SECRET: sessions end when Stowage restarts');
  });

  it('lets a browser sign in with them over HTTP, and nothing before', async () => {
    expect((await fetch(`${base}/api/buckets`)).status).toBe(401);
    const res = await fetch(`${base}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-stowage-csrf': '1' },
      body: JSON.stringify({ accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie()[0]!.split(';')[0]!;
    const buckets = await fetch(`${base}/api/buckets`, { headers: { cookie } });
    expect(buckets.status).toBe(200);
    expect(buckets.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('logs one JSON line per request, without the cookie', async () => {
    // The line is written once the answer has gone: give it a moment to arrive.
    await server.waitFor(
      'three request lines',
      (o) => (o.match(/"msg":"request"/g) ?? []).length >= 3,
    );
    const lines = out()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const requests = lines.filter((l) => l.msg === 'request');
    expect(requests.map((l) => `${l.method} ${l.route} ${l.status}`)).toEqual(
      expect.arrayContaining([
        'GET /api/buckets 401',
        'POST /api/session 200',
        'GET /api/buckets 200',
      ]),
    );
    expect(out()).not.toContain('stowage_session=');
  });
});
