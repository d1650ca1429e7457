import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { testStoreConfig } from './helper.js';

// Debian's python3-boto3 lives with the system Python.
const python = '/usr/bin/python3';
const script = fileURLToPath(new URL('./boto3/bucket_settings.py', import.meta.url));

/** boto3's answer: the document, or the store's error code and status. */
export type Boto3Answer = Record<string, unknown> & { error?: string; status?: number };

/** Runs boto3/bucket_settings.py against the suite's store (another S3 user). */
export function boto3Settings(...args: string[]): Boto3Answer {
  const c = testStoreConfig();
  const out = execFileSync(python, [script, ...args], {
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      S3_ENDPOINT: c.endpoint,
      S3_ACCESS_KEY: c.accessKeyId,
      S3_SECRET_KEY: c.secretAccessKey,
    },
  });
  return JSON.parse(out) as Boto3Answer;
}

export const boto3Get = (name: string, bucket: string) => boto3Settings('get', name, bucket);
export const boto3Put = (name: string, bucket: string, doc: unknown) =>
  boto3Settings('put', name, bucket, JSON.stringify(doc));
