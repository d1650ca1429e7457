import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { testStoreConfig } from './helper.js';

// Debian's python3-boto3 lives with the system Python.
const python = '/usr/bin/python3';

/**
 * Runs `test/boto3/<script>` (another S3 user: boto3, not our SDK) against the suite's store
 * and parses the JSON it prints. The one runner of every boto3 helper.
 */
export function runBoto3<T>(script: string, ...args: string[]): T {
  const c = testStoreConfig();
  const out = execFileSync(
    python,
    [fileURLToPath(new URL(`./boto3/${script}`, import.meta.url)), ...args],
    {
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        S3_ENDPOINT: c.endpoint,
        S3_ACCESS_KEY: c.accessKeyId,
        S3_SECRET_KEY: c.secretAccessKey,
      },
    },
  );
  return JSON.parse(out) as T;
}
