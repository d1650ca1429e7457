import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const server = fileURLToPath(new URL('../../src/server.ts', import.meta.url));
let proc: ChildProcess;
let base = '';
let out = '';
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'stowage-sign-in-'));

beforeAll(async () => {
  proc = spawn(process.execPath, ['--import', 'tsx', '--conditions=@stowage/source', server], {
    env: {
      PATH: process.env.PATH,
      PORT: '0',
      STOWAGE_DATA_DIR: dataDir,
      STOWAGE_SEED_DEMO: 'false',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  base = await new Promise<string>((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /Stowage is running at (\S+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('exit', (c) => reject(new Error(`server exited (${c}): ${out}`)));
  });
}, 60_000);
afterAll(async () => {
  if (proc.exitCode === null) {
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the embedded default, as started by npm start', () => {
  it('prints the keys to sign in with, and warns that sessions end on restart', () => {
    expect(out).toContain(
      "Sign in with access key S3RVER and secret key S3RVER (the embedded store's keys)",
    );
    expect(out).toContain('No STOWAGE_SESSION_SECRET: sessions end when Stowage restarts');
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
    for (let i = 0; i < 50 && (out.match(/"msg":"request"/g) ?? []).length < 3; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const lines = out
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
    expect(out).not.toContain('stowage_session=');
  });
});
