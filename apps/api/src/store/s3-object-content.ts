import type { Readable } from 'node:stream';
import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import type { ObjectContent } from './object-store.js';
import type { S3Context } from './s3-context.js';
import { ParallelBody, parallelReadBytes, type ParallelReads } from './s3-parallel-read.js';

/**
 * GetObject, whole or a range, streamed. With `parallel`, a whole object of at least its
 * minBytes is read in concurrent ranges when its memory is free (s3-parallel-read.ts).
 */
export async function getObjectContent(
  ctx: S3Context,
  bucket: string,
  key: string,
  range?: string,
  versionId?: string,
  parallel?: ParallelReads,
): Promise<ObjectContent> {
  if (ctx.config.quirks.absoluteSuffixRanges && range?.startsWith('bytes=-')) {
    range = await absoluteSuffixRange(ctx, bucket, key, Number(range.slice(7)), versionId);
  }
  const out = await ctx.send(
    new GetObjectCommand({ Bucket: bucket, Key: key, Range: range, VersionId: versionId }),
  );
  let body = out.Body as Readable;
  const size = out.ContentLength;
  if (
    parallel &&
    parallel.parts > 0 &&
    !range &&
    !out.ContentRange &&
    out.ETag &&
    size !== undefined &&
    size >= parallel.minBytes &&
    size > parallel.partBytes
  ) {
    const release = parallel.budget.tryReserve(parallelReadBytes(parallel));
    if (release) {
      const req = { bucket, key, versionId, etag: out.ETag };
      body = new ParallelBody(ctx, req, body, size, parallel, release);
    }
  }
  return {
    body,
    statusCode: out.ContentRange ? 206 : 200,
    contentLength: out.ContentLength,
    contentRange: out.ContentRange,
    contentType: out.ContentType,
    etag: out.ETag,
    lastModified: out.LastModified,
  };
}

/** s3rver answers `bytes=-N` with the first bytes, so a store with the quirk gets `a-b` instead. */
async function absoluteSuffixRange(
  ctx: S3Context,
  bucket: string,
  key: string,
  n: number,
  versionId?: string,
) {
  const head = await ctx.send(
    new HeadObjectCommand({ Bucket: bucket, Key: key, VersionId: versionId }),
  );
  const size = head.ContentLength ?? 0;
  if (n === 0 || size === 0) return `bytes=${size}-`; // unsatisfiable, as S3 answers
  return `bytes=${Math.max(0, size - n)}-${size - 1}`;
}
