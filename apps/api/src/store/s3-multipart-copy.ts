import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  UploadPartCopyCommand,
  type CopyObjectCommandInput,
} from '@aws-sdk/client-s3';
import type { StorageClass } from '@aws-sdk/client-s3';
import type { S3Context } from './s3-context.js';
import type { EditableHeader } from './metadata-edit.js';
import pMap from 'p-map';

/** The headers and metadata of the new object, as CopyObject takes them. */
export type CopyHeaders = Pick<
  CopyObjectCommandInput,
  | 'ContentType'
  | 'CacheControl'
  | 'ContentDisposition'
  | 'ContentEncoding'
  | 'ContentLanguage'
  | 'Expires'
  | 'StorageClass'
  | 'Metadata'
>;

/** An unreadable Expires cannot be re-sent; the read-back then reports it. */
const toDate = (s: string | null) => {
  const d = s === null ? undefined : new Date(s);
  return d && !Number.isNaN(d.getTime()) ? d : undefined;
};

/**
 * The headers a copy is sent with to look as described: the system headers (null: none), the
 * storage class (a copy is STANDARD unless told otherwise) and the user metadata.
 */
export function copyHeaders(
  h: Record<EditableHeader, string | null>,
  storageClass: string | null,
  metadata: Record<string, string>,
): CopyHeaders {
  return {
    ContentType: h.contentType ?? undefined,
    CacheControl: h.cacheControl ?? undefined,
    ContentDisposition: h.contentDisposition ?? undefined,
    ContentEncoding: h.contentEncoding ?? undefined,
    ContentLanguage: h.contentLanguage ?? undefined,
    Expires: toDate(h.expires),
    StorageClass:
      storageClass && storageClass !== 'STANDARD' ? (storageClass as StorageClass) : undefined,
    Metadata: metadata,
  };
}

export interface MultipartCopyInput {
  bucket: string;
  key: string;
  copySource: string;
  size: number;
  /** Every part is copied only while the source still has this ETag. */
  ifMatch: string | undefined;
  headers: CopyHeaders;
  /** At least 5 MiB (S3's smallest part); raised to stay within 10,000 parts. */
  partBytes: number;
}

const MAX_PARTS = 10_000;
/** Parts of a multipart copy: big enough to be few, small enough to answer within a timeout. */
const MAX_COPY_PART_BYTES = 512 * 1024 * 1024;

/** The part size of a copy in parts of an object over `threshold` (copyRanges raises it). */
export const copyPartBytes = (threshold: number) =>
  Math.min(Math.max(threshold, 1), MAX_COPY_PART_BYTES);
const MIN_PART_BYTES = 5 * 1024 * 1024;

/** Byte ranges `bytes=a-b` covering `size` in parts of `partBytes`. */
export function copyRanges(size: number, partBytes: number): string[] {
  const part = Math.max(MIN_PART_BYTES, partBytes, Math.ceil(size / MAX_PARTS));
  const ranges: string[] = [];
  for (let start = 0; start < size; start += part) {
    ranges.push(`bytes=${start}-${Math.min(size, start + part) - 1}`);
  }
  return ranges;
}

/**
 * Rewrites an object over CopyObject's 5 GiB limit: a multipart upload with the new headers
 * whose parts are copied server side (UploadPartCopy), 4 at a time. Any failure aborts it.
 */
export async function multipartCopy(ctx: S3Context, input: MultipartCopyInput): Promise<void> {
  const { bucket: Bucket, key: Key } = input;
  const { UploadId } = await ctx.send(
    new CreateMultipartUploadCommand({ Bucket, Key, ...input.headers }),
  );
  try {
    const ranges = copyRanges(input.size, input.partBytes);
    const parts = await pMap(
      ranges,
      async (range, i) => {
        const out = await ctx.send(
          new UploadPartCopyCommand({
            Bucket,
            Key,
            UploadId,
            PartNumber: i + 1,
            CopySource: input.copySource,
            CopySourceRange: range,
            CopySourceIfMatch: input.ifMatch,
          }),
        );
        return { PartNumber: i + 1, ETag: out.CopyPartResult?.ETag };
      },
      { concurrency: 4 },
    );
    await ctx.send(
      new CompleteMultipartUploadCommand({
        Bucket,
        Key,
        UploadId,
        MultipartUpload: { Parts: parts },
      }),
    );
  } catch (err) {
    // The copy's failure is the answer; a failed abort only leaves parts behind.
    await ctx.send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId })).catch(() => {});
    throw err;
  }
}
