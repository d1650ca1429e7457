import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const server = fileURLToPath(new URL('../../src/server.ts', import.meta.url));
const args = ['--import', 'tsx', '--conditions=@stowage/source', server];
/** A store the server does not contact at start (nothing listens on port 9). */
const storeEnv = {
  PATH: process.env.PATH,
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  AWS_ENDPOINT_URL_S3: 'https://127.0.0.1:9',
  AWS_ACCESS_KEY_ID: 'AK',
  AWS_SECRET_ACCESS_KEY: 'SK',
  // Server-held keys need a dashboard password, or auth switched off (allowed on loopback).
  STOWAGE_AUTH: 'off',
};

const boot = (env: Record<string, string>) =>
  spawnSync(process.execPath, ['--import', 'tsx', '--conditions=@stowage/source', server], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, ...env },
    timeout: 60_000,
  });

describe('server boot', () => {
  it('stops with the list of every config problem', () => {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--conditions=@stowage/source', server],
      {
        encoding: 'utf8',
        env: {
          PATH: process.env.PATH,
          PORT: 'eighty',
          AWS_ENDPOINT_URL: 'ftp://nope',
          AWS_ACCESS_KEY_ID: 'AK',
          STOWAGE_S3_TLS_VERIFY: 'perhaps',
        },
        timeout: 30_000,
      },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Invalid configuration:');
    expect(r.stderr).toMatch(/- PORT: /);
    expect(r.stderr).toContain(
      '- STOWAGE_S3_TLS_VERIFY: STOWAGE_S3_TLS_VERIFY must be true or false',
    );
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  it('stops when AWS_CA_BUNDLE cannot be read or holds no certificate', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'stowage-ca-'));
    const notPem = path.join(dir, 'not-a-ca.pem');
    writeFileSync(notPem, 'hello\n');
    try {
      for (const [file, problem] of [
        [path.join(dir, 'missing.pem'), `cannot read ${path.join(dir, 'missing.pem')} (ENOENT)`],
        [notPem, `${notPem} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`],
      ] as const) {
        const r = spawnSync(process.execPath, args, {
          encoding: 'utf8',
          env: { ...storeEnv, AWS_CA_BUNDLE: file },
          timeout: 30_000,
        });
        expect(r.status).toBe(1);
        expect(r.stderr).toContain('Invalid configuration:');
        expect(r.stderr).toContain(`- AWS_CA_BUNDLE: ${problem}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('warns once, naming the endpoint, when TLS verification is off', async () => {
    const child = spawn(process.execPath, args, {
      env: { ...storeEnv, STOWAGE_S3_TLS_VERIFY: 'false', PORT: '0', LOG_LEVEL: 'silent' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise((r) => child.once('exit', r));
    try {
      await expect.poll(() => stdout, { timeout: 20_000 }).toContain('Stowage is running at');
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
    const warning =
      'Warning: the TLS certificate of https://127.0.0.1:9 (profile "default") is not verified ' +
      '(STOWAGE_S3_TLS_VERIFY=false or "tlsVerify": false), so anyone on the network path can ' +
      'impersonate the store. Prefer AWS_CA_BUNDLE or "caBundle".';
    expect(stderr.split('\n').filter((l) => l.includes('STOWAGE_S3_TLS_VERIFY'))).toEqual([
      warning,
    ]);
  });
  it.each<[string, Record<string, string>, string]>([
    [
      'dashboard auth off on a non-loopback address',
      { STOWAGE_AUTH: 'off', HOST: '0.0.0.0' },
      'STOWAGE_AUTH=off is allowed only on a loopback HOST (127.0.0.1, ::1, localhost), not 0.0.0.0',
    ],
    [
      'server-held keys without a dashboard password hash',
      {
        AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
        AWS_ACCESS_KEY_ID: 'AK',
        AWS_SECRET_ACCESS_KEY: 'SK',
      },
      'Profile "default" holds S3 keys but no dashboard password: make a hash with `pnpm hash-password`',
    ],
    [
      'a short session secret',
      { STOWAGE_SESSION_SECRET: 'too short' },
      'STOWAGE_SESSION_SECRET must be at least 32 characters',
    ],
    [
      'a profiles file that is not there',
      { STOWAGE_PROFILES_FILE: '/nonexistent/profiles.json' },
      'STOWAGE_PROFILES_FILE: cannot read /nonexistent/profiles.json as JSON (ENOENT)',
    ],
  ])(
    'refuses to start with %s, saying why',
    (_what, env, message) => {
      const r = boot(env);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('Invalid configuration:');
      expect(r.stderr).toContain(message);
      expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
      expect(r.stdout).not.toContain('Stowage is running');
    },
    90_000,
  );
});
