import type { Readable } from 'node:stream';
import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import type { S3Store } from './s3-store.js';

export interface ObjectContent {
  body: Readable;
  /** 206 when a range was asked for and served. */
  statusCode: 200 | 206;
  contentLength: number | undefined;
  contentRange: string | undefined;
  contentType: string | undefined;
  etag: string | undefined;
  lastModified: Date | undefined;
}

/** GetObject, whole or a range, streamed. */
export async function getObjectContent(
  store: S3Store,
  bucket: string,
  key: string,
  range?: string,
): Promise<ObjectContent> {
  if (store.config.quirks.absoluteSuffixRanges && range?.startsWith('bytes=-')) {
    range = await absoluteSuffixRange(store, bucket, key, Number(range.slice(7)));
  }
  const out = await store.call(() =>
    store.client.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: range })),
  );
  return {
    body: out.Body as Readable,
    statusCode: out.ContentRange ? 206 : 200,
    contentLength: out.ContentLength,
    contentRange: out.ContentRange,
    contentType: out.ContentType,
    etag: out.ETag,
    lastModified: out.LastModified,
  };
}

/** s3rver answers `bytes=-N` with the first bytes, so a store with the quirk gets `a-b` instead. */
async function absoluteSuffixRange(store: S3Store, bucket: string, key: string, n: number) {
  const head = await store.call(() =>
    store.client.send(new HeadObjectCommand({ Bucket: bucket, Key: key })),
  );
  const size = head.ContentLength ?? 0;
  if (n === 0 || size === 0) return `bytes=${size}-`; // unsatisfiable, as S3 answers
  return `bytes=${Math.max(0, size - n)}-${size - 1}`;
}
