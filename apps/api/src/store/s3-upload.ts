import {
  AbortMultipartUploadCommand,
  ChecksumAlgorithm,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  UploadPartCommand,
  type CompletedPart,
  type S3Client,
  type UploadPartCommandOutput,
} from '@aws-sdk/client-s3';
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
  /** Parts in flight: 1 to 8. */
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

/** What CompleteMultipartUpload needs of each part: its number, ETag and any checksum. */
type SentPart = Omit<UploadPartCommandOutput, '$metadata'> & { PartNumber: number };
/** S3's most parts in one upload. */
const MAX_PARTS = 10_000;

/**
 * Streams a body into the store without holding it: the bytes are copied as they come into part
 * buffers that the upload reuses (one per slot of uploadPlan's queueSize, at most 8, plus the
 * one filling), sent with UploadPart, as many at once as the queue allows; a body that fits in
 * one part is a single PutObject.
 *
 * Not lib-storage's Upload (ADR 0015): it gathers each part with
 * Buffer.concat into a new 8 MiB buffer, and that copy, the new buffers' page faults and their
 * garbage collection were half of the API's CPU per uploaded GiB. Here each buffer is
 * allocated once per upload and filled in place.
 *
 * When the body fails (too large, client gone, a field after the file, the drain at shutdown),
 * the upload waits for the parts in flight, sends AbortMultipartUpload and only then rejects
 * (with the body's error), so nothing is left once this returns. A failed part stops it the
 * same way, with the store's error. s3rver answers AbortMultipartUpload with 405: its
 * `<bucket>/._S3rver_uploads/<id>/` folder (the parts sent so far) then stays on disk, unlisted,
 * until removed by hand.
 */
export async function uploadStream(client: S3Client, input: UploadObjectInput): Promise<void> {
  const { partSize, queueSize } = uploadPlan(input.sizeHint, input.bufferBudgetBytes);
  const target = { Bucket: input.bucket, Key: input.key };
  const spare: Buffer[] = [];
  const inFlight = new Set<Promise<void>>();
  const sent: SentPart[] = [];
  let failure: { err: unknown } | undefined;
  let uploadId: string | undefined;
  let created: Promise<string> | undefined;
  let partNumber = 0;

  const create = () =>
    (created ??= (async () => {
      const checksums = (await client.config.requestChecksumCalculation()) === 'WHEN_SUPPORTED';
      const out = await client.send(
        new CreateMultipartUploadCommand({
          ...target,
          ContentType: input.contentType,
          Metadata: input.metadata,
          ...(checksums && { ChecksumAlgorithm: ChecksumAlgorithm.CRC32 }),
        }),
      );
      if (!out.UploadId) throw new Error('The store started the upload but named no upload id');
      uploadId = out.UploadId;
      return uploadId;
    })());

  const sendPart = (data: Buffer, length: number) => {
    const n = ++partNumber;
    if (n > MAX_PARTS) throw new Error(`The file needs more than ${MAX_PARTS} parts`);
    const part = (async () => {
      const UploadId = await create();
      const out = await client.send(
        new UploadPartCommand({
          ...target,
          UploadId,
          PartNumber: n,
          Body: data.subarray(0, length),
          ContentLength: length,
        }),
      );
      if (!out.ETag) throw new Error(`The store answered part ${n} without an ETag`);
      const { $metadata: _, ...fields } = out;
      sent.push({ ...fields, PartNumber: n });
      spare.push(data);
    })()
      .catch((err: unknown) => {
        failure ??= { err };
      })
      .finally(() => inFlight.delete(part));
    inFlight.add(part);
  };

  /** Waits until a part may go (fewer than queueSize in flight); throws a part's failure. */
  const slot = async () => {
    while (inFlight.size >= queueSize && !failure) await Promise.race(inFlight);
    if (failure) throw failure.err;
  };

  let buffer: Buffer | null = null;
  let filled = 0;
  // A full buffer goes once more bytes come (so a body of exactly one part is one PutObject).
  let full: Buffer | null = null;
  try {
    for await (const chunk of input.body as AsyncIterable<Buffer>) {
      for (let at = 0; at < chunk.length;) {
        if (full) {
          await slot();
          sendPart(full, partSize);
          full = null;
        }
        buffer ??= spare.pop() ?? Buffer.allocUnsafeSlow(partSize);
        const n = Math.min(chunk.length - at, partSize - filled);
        chunk.copy(buffer, filled, at, at + n);
        filled += n;
        at += n;
        if (filled === partSize) [full, buffer, filled] = [buffer, null, 0];
      }
      if (failure) throw failure.err;
    }
    const last = full ?? buffer;
    const lastLength = full ? partSize : filled;
    if (partNumber === 0) {
      const body = last ? last.subarray(0, lastLength) : Buffer.alloc(0);
      await client.send(
        new PutObjectCommand({
          ...target,
          Body: body,
          ContentLength: body.length,
          ContentType: input.contentType,
          Metadata: input.metadata,
        }),
      );
      return;
    }
    if (last && lastLength > 0) {
      await slot();
      sendPart(last, lastLength);
    }
    await Promise.all(inFlight);
    if (failure) throw failure.err;
    sent.sort((a, b) => a.PartNumber - b.PartNumber);
    await client.send(
      new CompleteMultipartUploadCommand({
        ...target,
        UploadId: uploadId,
        MultipartUpload: { Parts: sent.map(completedPart) },
      }),
    );
  } catch (err) {
    await Promise.all(inFlight);
    if (uploadId) {
      await client
        .send(new AbortMultipartUploadCommand({ ...target, UploadId: uploadId }))
        .catch(() => undefined);
    }
    // The body's own failure is the reason, not what the store said while it was cut short.
    throw input.body.errored ?? err;
  }
}

/** A part as CompleteMultipartUpload lists it: number, ETag, and the checksum it was sent with. */
function completedPart(p: SentPart): CompletedPart {
  return {
    PartNumber: p.PartNumber,
    ETag: p.ETag,
    ...(p.ChecksumCRC32 && { ChecksumCRC32: p.ChecksumCRC32 }),
    ...(p.ChecksumCRC32C && { ChecksumCRC32C: p.ChecksumCRC32C }),
    ...(p.ChecksumCRC64NVME && { ChecksumCRC64NVME: p.ChecksumCRC64NVME }),
    ...(p.ChecksumSHA1 && { ChecksumSHA1: p.ChecksumSHA1 }),
    ...(p.ChecksumSHA256 && { ChecksumSHA256: p.ChecksumSHA256 }),
  };
}
