/**
 * Another bucket of the run's embedded store, for copies across buckets. The store is s3rver
 * on the run's data directory, where a bucket is a directory (its CreateBucket makes one):
 * quicker than the app's "Create bucket" (bucket-admin.spec.ts tests that), and the store's
 * endpoint is the API's own business.
 */
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { e2eDataDir } from '../data-dir';

function bucketDir(name: string): string {
  return path.join(e2eDataDir, 's3', name);
}

export async function makeBucket(name: string): Promise<void> {
  await mkdir(bucketDir(name), { recursive: true });
}

export async function removeBucket(name: string): Promise<void> {
  await rm(bucketDir(name), { recursive: true, force: true });
}
