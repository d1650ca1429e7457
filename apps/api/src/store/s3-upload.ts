import type { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';

export interface UploadStreamInput {
  bucket: string;
  key: string;
  /** The file's bytes as they arrive; destroying it with an error aborts the upload. */
  body: Readable;
  /** The size the client announced, if any: it only sizes the parts. */
  sizeHint: number | undefined;
  contentType: string | undefined;
  metadata: Record<string, string> | undefined;
}

const MIN_PART_BYTES = 8 * 1024 * 1024;
/** Parts in flight per upload. */
const QUEUE_SIZE = 4;

/** 8 MiB parts, bigger when needed to stay under S3's 10,000 parts (with room to spare). */
export const uploadPartSize = (size: number | undefined) =>
  Math.max(MIN_PART_BYTES, Math.ceil((size ?? 0) / 9000));

/** The most an upload holds in memory: a part per slot, plus the one filling from the body. */
export const uploadBufferBytes = (size: number | undefined) =>
  (QUEUE_SIZE + 1) * uploadPartSize(size);

/**
 * Streams a body into the store without holding it: lib-storage buffers one part per upload
 * slot (queueSize 4) and does a single PutObject when the body fits in the first part.
 *
 * When the body fails (too large, client gone, a field after the file), lib-storage stops,
 * sends AbortMultipartUpload and only then rejects, so nothing is left once this returns.
 * Upload.abort() is not used: it rejects at once, before AbortMultipartUpload has gone out.
 * s3rver answers AbortMultipartUpload with 405: its `<bucket>/._S3rver_uploads/<id>/` folder
 * (the parts sent so far) then stays on disk, unlisted, until removed by hand.
 */
export async function uploadStream(client: S3Client, input: UploadStreamInput): Promise<void> {
  const upload = new Upload({
    client,
    queueSize: QUEUE_SIZE,
    partSize: uploadPartSize(input.sizeHint),
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
