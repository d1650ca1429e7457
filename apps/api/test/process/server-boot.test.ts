import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const server = fileURLToPath(new URL('../../src/server.ts', import.meta.url));

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
