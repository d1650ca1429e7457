import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from './server-process.js';

let server: ServerProcess;
let base = '';
const out = () => server.output();
const logDir = mkdtempSync(path.join(os.tmpdir(), 'stowage-audit-rotation-'));
const file = path.join(logDir, 'audit.log');

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
  server = await startServerProcess({ STOWAGE_AUDIT_LOG: `stdout,${file}` });
  base = server.base;
}, 60_000);
afterAll(async () => {
  await server?.stop();
  rmSync(logDir, { recursive: true, force: true });
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
    await until('stdout lines', () => (out().match(/^\{"audit":true,/gm) ?? []).length === 2);

    renameSync(file, `${file}.1`);
    server.proc.kill('SIGHUP');
    await until('reopened', () => out().includes('SIGHUP: audit log reopened'));
    expect((await signIn('S3RVER')).status).toBe(200);
    await until('a line in the new file', () => fileLines(file).length === 1);
    expect(fileLines(file)[0]).toMatchObject({ action: 'auth.sign-in', result: { status: 200 } });
    expect(fileLines(`${file}.1`)).toHaveLength(2);
    // No secret in either file.
    const text = readFileSync(file, 'utf8') + readFileSync(`${file}.1`, 'utf8');
    expect(text).not.toContain('wrong secret');
    expect(server.proc.exitCode).toBe(null);
  });
});
