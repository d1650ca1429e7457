import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { testStoreConfig } from './helper.js';

// Debian's python3-boto3 lives with the system Python.
const python = '/usr/bin/python3';
const script = fileURLToPath(new URL('./boto3/deleted_listing.py', import.meta.url));

/** Runs test/boto3/deleted_listing.py against the suite's store and parses what it prints. */
function boto3<T>(...args: string[]): T {
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
  return JSON.parse(out) as T;
}

export interface Boto3Latest {
  versionId: string;
  deleteMarker: boolean;
  /** How many delete markers the key has. */
  markers: number;
}

/** boto3 switches the bucket's versioning. */
export const boto3Versioning = (bucket: string, status: 'Enabled' | 'Suspended') =>
  boto3<object>('versioning', bucket, status);
/** boto3 writes `count` versions of a key ("BODY 0", "BODY 1"…): their version ids. */
export const boto3PutVersions = (bucket: string, key: string, body: string, count = 1) =>
  boto3<string[]>('put', bucket, key, body, String(count));
/** boto3 deletes a key without a version id (a delete marker on a versioned bucket). */
export const boto3Delete = (bucket: string, key: string) =>
  boto3<{ versionId: string | null; deleteMarker: boolean }>('delete', bucket, key);
/** Each key's latest entry under a prefix, as boto3 reads ListObjectVersions (every page). */
export const boto3Latest = (bucket: string, prefix: string) =>
  boto3<Record<string, Boto3Latest>>('latest', bucket, prefix);
