import type { S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { UploadObjectInput } from './object-store.js';

const MIN_PART_BYTES = 8 * 1024 * 1024;
/**
 * Parts in flight per upload, at most (boto3 sends 10 at once). With the default budget's
 * 64 MiB share, an upload of 8 MiB parts has 7 in flight and one filling.
 */
const QUEUE_SIZE = 8;
/** The smallest share: an upload of 8 MiB parts with four in flight and one filling (40 MiB). */
const MIN_SHARE_BYTES = 5 * MIN_PART_BYTES;

/** 8 MiB parts, bigger when needed to stay under S3's 10,000 parts (with room to spare). */
export const uploadPartSize = (size: number | undefined) =>
  Math.max(MIN_PART_BYTES, Math.ceil((size ?? 0) / 9000));

/**
 * The most of the shared budget one upload may reserve, whatever size it declares: a quarter
 * of it, and at least what one upload of 8 MiB parts holds (40 MiB, the smallest budget). So a
 * client announcing 5 TiB cannot take the whole budget and make every other upload wait.
 */
export const uploadShareBytes = (budgetBytes: number) =>
  Math.max(MIN_SHARE_BYTES, Math.floor(budgetBytes / 4));

export interface UploadPlan {
  partSize: number;
  /** Parts in flight (lib-storage's queueSize): 1 to 8. */
  queueSize: number;
  /** What the upload holds at most: a part per slot, plus the one filling from the body. */
  holdsBytes: number;
  /** What it reserves from the budget: what it holds, but never more than its share. */
  reserveBytes: number;
}

/**
 * The memory of one upload. Its parts are as big as its size needs (uploadPartSize); as
 * many go up at once as fit in its share with the one filling — (queueSize + 1) × partSize
 * ≤ share — between 1 and 8. When even two parts are over the share (parts over share / 2:
 * files over ~281 GiB in one request with the default 256 MiB budget, whose share is 64 MiB),
 * the upload still reserves only its share and holds more: up to two parts, the one going up
 * and the one filling (2 × 611 MiB for 5 TiB). The budget then undercounts by that much, but
 * the S3 part limit leaves no smaller part size, and reserving the real figure would let one
 * such declaration hold the whole budget again.
 */
export function uploadPlan(size: number | undefined, bufferBudgetBytes: number): UploadPlan {
  const partSize = uploadPartSize(size);
  const share = uploadShareBytes(bufferBudgetBytes);
  const queueSize = Math.min(QUEUE_SIZE, Math.max(1, Math.floor(share / partSize) - 1));
  const holdsBytes = (queueSize + 1) * partSize;
  return { partSize, queueSize, holdsBytes, reserveBytes: Math.min(holdsBytes, share) };
}

/**
 * Streams a body into the store without holding it: lib-storage buffers one part per upload
 * slot (uploadPlan's queueSize, at most 8) and does a single PutObject when the body fits in
 * the first part.
 *
 * When the body fails (too large, client gone, a field after the file), lib-storage stops,
 * sends AbortMultipartUpload and only then rejects, so nothing is left once this returns.
 * Upload.abort() is not used: it rejects at once, before AbortMultipartUpload has gone out.
 * s3rver answers AbortMultipartUpload with 405: its `<bucket>/._S3rver_uploads/<id>/` folder
 * (the parts sent so far) then stays on disk, unlisted, until removed by hand.
 */
export async function uploadStream(client: S3Client, input: UploadObjectInput): Promise<void> {
  const { partSize, queueSize } = uploadPlan(input.sizeHint, input.bufferBudgetBytes);
  const upload = new Upload({
    client,
    queueSize,
    partSize,
    params: {
      Bucket: input.bucket,
      Key: input.key,
      Body: input.body,
      ContentType: input.contentType,
      Metadata: input.metadata,
    },
  });
  try {
    await upload.done();
  } catch (err) {
    // The body's own failure is the reason, not what the store said about the cleanup
    // (lib-storage rethrows the abort's error, e.g. s3rver's 405, in its place).
    throw input.body.errored ?? err;
  }
}
