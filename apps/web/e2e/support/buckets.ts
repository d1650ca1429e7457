/**
 * Another bucket of the run's embedded store, for copies across buckets. The store is s3rver
 * on the run's data directory, where a bucket is a directory (its CreateBucket makes one):
 * quicker than the app's "Create bucket" (bucket-admin.spec.ts tests that), and the store's
 * endpoint is the API's own business.
 */
import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
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

/**
 * Fills a fresh bucket (made by makeBucket, not yet listed) with zero-cost objects written as
 * s3rver stores them (`<key>._S3rver_object`, its md5 and metadata): thousands of keys in a
 * second, where uploading them one by one takes minutes. s3rver's key index (our patch) is
 * built from the bucket's directory on its first listing, so they must be there before it.
 */
export async function seedBucketFiles(bucket: string, keys: readonly string[], body = 'x') {
  const md5 = createHash('md5').update(body).digest('hex');
  const dirs = new Set(keys.map((key) => path.dirname(path.join(bucketDir(bucket), key))));
  for (const dir of dirs) await mkdir(dir, { recursive: true });
  for (let i = 0; i < keys.length; i += 200) {
    await Promise.all(
      keys.slice(i, i + 200).flatMap((key) => {
        const base = path.join(bucketDir(bucket), key);
        return [
          writeFile(`${base}._S3rver_object`, body),
          writeFile(`${base}._S3rver_object.md5`, md5),
          writeFile(`${base}._S3rver_metadata.json`, '{"content-type":"text/plain"}'),
        ];
      }),
    );
  }
}
