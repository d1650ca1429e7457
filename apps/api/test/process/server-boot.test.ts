import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const server = fileURLToPath(new URL('../../src/server.ts', import.meta.url));

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
});
