import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const server = fileURLToPath(new URL('../../src/server.ts', import.meta.url));
let proc: ChildProcess;
let base = '';
let out = '';
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'stowage-audit-rotation-'));
const file = path.join(dataDir, 'audit.log');

const fileLines = (p: string) =>
  existsSync(p)
    ? readFileSync(p, 'utf8')
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as Record<string, unknown>)
    : [];

async function until(what: string, ok: () => boolean) {
  for (let i = 0; i < 100 && !ok(); i++) await new Promise((r) => setTimeout(r, 50));
  expect(ok(), what).toBe(true);
}

const signIn = (secretAccessKey: string) =>
  fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-stowage-csrf': '1' },
    body: JSON.stringify({ accessKeyId: 'S3RVER', secretAccessKey }),
  });

beforeAll(async () => {
  proc = spawn(process.execPath, ['--import', 'tsx', '--conditions=@stowage/source', server], {
    env: {
      PATH: process.env.PATH,
      PORT: '0',
      STOWAGE_DATA_DIR: dataDir,
      STOWAGE_SEED_DEMO: 'false',
      STOWAGE_AUDIT_LOG: `stdout,${file}`,
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

describe('the audit file of the running server', () => {
  it('gets sign-in lines, and a new file at the path after a rotation and SIGHUP', async () => {
    expect((await signIn('wrong secret')).status).toBe(401);
    expect((await signIn('S3RVER')).status).toBe(200);
    await until('two lines', () => fileLines(file).length === 2);
    expect(fileLines(file).map((l) => [l.action, (l.result as { status: number }).status])).toEqual(
      [
        ['auth.sign-in', 401],
        ['auth.sign-in', 200],
      ],
    );
    // On stdout too, marked as audit lines, beside the request log.
    await until('stdout lines', () => (out.match(/^\{"audit":true,/gm) ?? []).length === 2);

    renameSync(file, `${file}.1`);
    proc.kill('SIGHUP');
    await until('reopened', () => out.includes('SIGHUP: audit log reopened'));
    expect((await signIn('S3RVER')).status).toBe(200);
    await until('a line in the new file', () => fileLines(file).length === 1);
    expect(fileLines(file)[0]).toMatchObject({ action: 'auth.sign-in', result: { status: 200 } });
    expect(fileLines(`${file}.1`)).toHaveLength(2);
    // No secret in either file.
    const text = readFileSync(file, 'utf8') + readFileSync(`${file}.1`, 'utf8');
    expect(text).not.toContain('wrong secret');
    expect(proc.exitCode).toBe(null);
  });
});
