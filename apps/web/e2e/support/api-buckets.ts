/**
 * A bucket made and thrown away through the API (the `request` fixture: the signed-in
 * cookie), on whatever store the project's server talks to: the Ceph specs' own buckets.
 * Removal empties it first (every version and delete marker too), then deletes it.
 */
import { expect, type APIRequestContext } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { BUCKETS_PATH, bucketPath } from '@stowage/shared';
import { CSRF_HEADERS } from './api';

/** Creates `e2e-<stem>-<random>` (with versioning on if asked) and answers its name. */
export async function makeApiBucket(
  request: APIRequestContext,
  stem: string,
  { versioning = false } = {},
): Promise<string> {
  const bucket = `e2e-${stem}-${randomBytes(4).toString('hex')}`;
  const made = await request.post(BUCKETS_PATH, {
    data: { name: bucket, versioning },
    headers: CSRF_HEADERS,
  });
  expect(made.status(), `create ${bucket}`).toBe(201);
  return bucket;
}

/** Empties the bucket (objects, versions, delete markers, uploads), then deletes it. */
export async function removeApiBucket(request: APIRequestContext, bucket: string): Promise<void> {
  const emptied = await request.post(`${bucketPath(bucket)}/empty`, {
    data: { confirm: bucket },
    headers: { ...CSRF_HEADERS, Accept: 'application/json' },
  });
  expect(emptied.status(), `empty ${bucket}`).toBe(200);
  const res = await request.delete(bucketPath(bucket), { headers: CSRF_HEADERS });
  expect([200, 204], `delete ${bucket}`).toContain(res.status());
}
