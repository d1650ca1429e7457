import {
  AbortMultipartUploadCommand,
  DeleteBucketCommand,
  DeleteObjectsCommand,
  ListMultipartUploadsCommand,
  ListObjectVersionsCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import pMap from 'p-map';
import { NDJSON } from '@stowage/shared';
import { listKeys } from './fixtures.js';
import { onEmbedded } from './helper.js';
import { runBoto3 } from './boto3-script.js';

/** Runs test/boto3/bucket_admin.py against the suite's store and parses what it prints. */
export const boto3 = <T>(...args: string[]): T => runBoto3<T>('bucket_admin.py', ...args);

export interface Boto3Bucket {
  exists: boolean;
  versioning: string | null;
}

/** Puts `count` small objects `${prefix}NNNN` with a plain client, 32 at a time. */
export async function putMany(s3: S3Client, bucket: string, prefix: string, count: number) {
  await pMap(
    Array.from({ length: count }, (_, i) => i),
    (i) =>
      s3.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: `${prefix}${String(i).padStart(4, '0')}`,
          Body: 'x'.repeat(i % 7),
        }),
      ),
    { concurrency: 32 },
  );
}

/**
 * Removes a test bucket whatever it holds (Ceph's memstore is RAM): every version and delete
 * marker, every upload, then the bucket. A bucket already gone is fine.
 */
export async function dropBucket(s3: S3Client, bucket: string): Promise<void> {
  try {
    if (!onEmbedded) {
      for (;;) {
        const out = await s3.send(new ListObjectVersionsCommand({ Bucket: bucket }));
        const all = [...(out.Versions ?? []), ...(out.DeleteMarkers ?? [])];
        if (all.length === 0) break;
        await s3.send(
          new DeleteObjectsCommand({
            Bucket: bucket,
            Delete: { Objects: all.map((v) => ({ Key: v.Key, VersionId: v.VersionId })) },
          }),
        );
      }
      const uploads = await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }));
      for (const u of uploads.Uploads ?? []) {
        await s3.send(
          new AbortMultipartUploadCommand({ Bucket: bucket, Key: u.Key, UploadId: u.UploadId }),
        );
      }
    } else {
      const keys = await listKeys(s3, bucket);
      for (let i = 0; i < keys.length; i += 1000) {
        await s3.send(
          new DeleteObjectsCommand({
            Bucket: bucket,
            Delete: { Objects: keys.slice(i, i + 1000).map((Key) => ({ Key })) },
          }),
        );
      }
    }
    await s3.send(new DeleteBucketCommand({ Bucket: bucket }));
  } catch (err) {
    if ((err as { name?: string }).name !== 'NoSuchBucket') throw err;
  }
}

/** The lines of an NDJSON answer, parsed. */
export const ndjsonLines = (payload: string) =>
  payload
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

export const ndjsonHeaders = { accept: NDJSON };
