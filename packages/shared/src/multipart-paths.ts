/**
 * Browser-driven multipart uploads (issue 22): the sizes and URLs both sides agree on. No zod
 * here: the web app's first screen imports the threshold (the schemas are in multipart.ts).
 */
import { bucketPath } from './api-paths.js';

const MiB = 1024 * 1024;

/** Files larger than this go up as a multipart upload driven by the browser. */
export const MULTIPART_THRESHOLD = 64 * MiB;
/** The smallest part the browser sends (S3's own minimum is 5 MiB). */
export const MIN_MULTIPART_PART_SIZE = 8 * MiB;
/** S3's limits: parts per upload, bytes per part, bytes per object. */
export const MAX_MULTIPART_PARTS = 10_000;
export const MAX_MULTIPART_PART_SIZE = 5 * 1024 * MiB;
export const MAX_MULTIPART_OBJECT_SIZE = 5 * 1024 * 1024 * MiB;

/**
 * The part size for a file of `size` bytes: at least 8 MiB, and large enough for at most
 * 10,000 parts, rounded up to a whole MiB.
 */
export function multipartPartSize(size: number): number {
  const needed = Math.ceil(size / MAX_MULTIPART_PARTS);
  return Math.max(MIN_MULTIPART_PART_SIZE, Math.ceil(needed / MiB) * MiB);
}

/** `/api/buckets/:bucket/multipart` (POST: create). */
export function multipartPath(bucket: string): string {
  return `${bucketPath(bucket)}/multipart`;
}

/** `/api/buckets/:bucket/multipart/:uploadId` (DELETE: abort); add `/parts`, `/complete`, `/sign`. */
export function multipartUploadPath(bucket: string, uploadId: string): string {
  return `${multipartPath(bucket)}/${encodeURIComponent(uploadId)}`;
}
