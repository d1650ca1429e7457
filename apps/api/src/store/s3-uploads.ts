import {
  AbortMultipartUploadCommand,
  ListMultipartUploadsCommand,
  ListPartsCommand,
} from '@aws-sdk/client-s3';
import type { AbortOlderResponse, ListUploadsResponse, MultipartUpload } from '@stowage/shared';
import pMap from 'p-map';
import { badRequest, HttpError } from '../errors.js';
import type { S3Context } from './s3-context.js';

/** Unfinished multipart uploads: list them with what their parts hold, abort them. */

/** Uploads per page of `GET /uploads`: each costs a ListParts (or more), so fewer than S3's 1,000. */
export const UPLOADS_PAGE = 100;
/** ListParts (and aborts) in flight at once for one request. */
export const UPLOAD_CONCURRENCY = 8;

/** An upload as ListMultipartUploads names it, before its parts are counted. */
export interface UploadRef {
  key: string;
  uploadId: string;
  initiated: Date | undefined;
  storageClass: string | null;
}

interface UploadsPage {
  uploads: UploadRef[];
  next: { key: string; uploadId: string } | null;
}

/** The opaque cursor of `GET /uploads`: ListMultipartUploads' two markers. */
const encodeCursor = (next: { key: string; uploadId: string }) =>
  Buffer.from(JSON.stringify([next.key, next.uploadId])).toString('base64url');

function decodeCursor(cursor: string): { key: string; uploadId: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) {
      return { key: value[0] as string, uploadId: value[1] as string };
    }
  } catch {
    // Not ours: the 400 below.
  }
  throw badRequest('The cursor is not one this API gave: start the listing again');
}

/** One ListMultipartUploads page (s3rver: 501, answered as NotSupported). */
async function uploadsPage(
  ctx: S3Context,
  bucket: string,
  prefix: string,
  after: { key: string; uploadId: string } | undefined,
  max = 1000,
): Promise<UploadsPage> {
  const out = await ctx.send(
    new ListMultipartUploadsCommand({
      Bucket: bucket,
      Prefix: prefix || undefined,
      KeyMarker: after?.key,
      UploadIdMarker: after?.uploadId,
      MaxUploads: max,
    }),
  );
  const uploads = (out.Uploads ?? []).map((u) => ({
    key: u.Key ?? '',
    uploadId: u.UploadId ?? '',
    initiated: u.Initiated,
    storageClass: u.StorageClass ?? null,
  }));
  const last = uploads.at(-1);
  const key = out.NextKeyMarker || last?.key;
  const uploadId = out.NextUploadIdMarker || last?.uploadId;
  return {
    uploads,
    next: out.IsTruncated && key && uploadId ? { key, uploadId } : null,
  };
}

/** Every unfinished upload under a prefix, one page at a time. */
export async function* allUploads(
  ctx: S3Context,
  bucket: string,
  prefix = '',
  signal?: AbortSignal,
): AsyncGenerator<UploadRef[]> {
  let after: { key: string; uploadId: string } | undefined;
  do {
    if (signal?.aborted) return;
    const page = await uploadsPage(ctx, bucket, prefix, after);
    yield page.uploads;
    after = page.next ?? undefined;
  } while (after);
}

/**
 * The parts an upload holds: their count and bytes (ListParts, 1,000 parts a page). An upload
 * gone meanwhile (completed or aborted) answers null.
 */
export async function uploadParts(
  ctx: S3Context,
  bucket: string,
  upload: UploadRef,
): Promise<{ parts: number; bytes: number } | null> {
  let parts = 0;
  let bytes = 0;
  let marker: string | undefined;
  try {
    do {
      const out = await ctx.send(
        new ListPartsCommand({
          Bucket: bucket,
          Key: upload.key,
          UploadId: upload.uploadId,
          PartNumberMarker: marker,
        }),
      );
      for (const p of out.Parts ?? []) {
        parts += 1;
        bytes += p.Size ?? 0;
      }
      marker = out.IsTruncated ? out.NextPartNumberMarker : undefined;
    } while (marker);
  } catch (err) {
    if (err instanceof HttpError && err.code === 'NoSuchUpload') return null;
    throw err;
  }
  return { parts, bytes };
}

/** Uploads with their parts counted, at bounded concurrency; those gone meanwhile dropped. */
export async function withParts(
  ctx: S3Context,
  bucket: string,
  uploads: readonly UploadRef[],
): Promise<MultipartUpload[]> {
  const counted = await pMap(
    uploads,
    async (u) => {
      const held = await uploadParts(ctx, bucket, u);
      return held && { ...u, initiated: u.initiated?.toISOString() ?? null, ...held };
    },
    { concurrency: UPLOAD_CONCURRENCY },
  );
  return counted.filter((u): u is MultipartUpload => u !== null);
}

/** `GET /uploads`: one page of uploads, each with its parts' count and bytes. */
export async function listUploads(
  ctx: S3Context,
  bucket: string,
  prefix: string,
  cursor: string | undefined,
): Promise<ListUploadsResponse> {
  const after = cursor === undefined ? undefined : decodeCursor(cursor);
  const page = await uploadsPage(ctx, bucket, prefix, after, UPLOADS_PAGE);
  return {
    uploads: await withParts(ctx, bucket, page.uploads),
    nextCursor: page.next ? encodeCursor(page.next) : null,
  };
}

/** AbortMultipartUpload (a gone upload: 404 NoSuchUpload; a store without it: 502 NotSupported). */
export async function abortUpload(
  ctx: S3Context,
  bucket: string,
  key: string,
  uploadId: string,
): Promise<void> {
  await ctx.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId }));
}

/**
 * Aborts these uploads at bounded concurrency: how many were, and per-upload failures. One
 * already gone (NoSuchUpload) is neither: someone else finished it.
 */
export async function abortUploads(
  ctx: S3Context,
  bucket: string,
  uploads: readonly UploadRef[],
  signal?: AbortSignal,
  onAborted?: () => void,
): Promise<AbortOlderResponse> {
  const result: AbortOlderResponse = { aborted: 0, errors: [] };
  await pMap(
    uploads,
    async (u) => {
      if (signal?.aborted) return;
      try {
        await abortUpload(ctx, bucket, u.key, u.uploadId);
        result.aborted += 1;
      } catch (err) {
        if (err instanceof HttpError && err.code === 'NoSuchUpload') return onAborted?.();
        const known = err instanceof HttpError;
        result.errors.push({
          key: u.key,
          uploadId: u.uploadId,
          code: known ? err.code : 'Internal',
          message: known ? err.message : 'An unexpected error stopped this abort',
        });
      }
      onAborted?.();
    },
    { concurrency: UPLOAD_CONCURRENCY },
  );
  return result;
}

/** `POST /uploads/abort-older`: every upload started more than `days` ago (0: every one). */
export async function abortOlder(
  ctx: S3Context,
  bucket: string,
  days: number,
  now = Date.now(),
): Promise<AbortOlderResponse> {
  const before = now - days * 86_400_000;
  const old: UploadRef[] = [];
  // The whole list first: aborting while paging would move the markers under our feet.
  for await (const page of allUploads(ctx, bucket)) {
    old.push(...page.filter((u) => days === 0 || (u.initiated?.getTime() ?? now) < before));
  }
  return abortUploads(ctx, bucket, old);
}

/**
 * Every upload under a prefix, or null where the store cannot list them (NotSupported:
 * s3rver). Other failures are the answer.
 */
export async function uploadsIfListable(
  ctx: S3Context,
  bucket: string,
  prefix = '',
  signal?: AbortSignal,
): Promise<UploadRef[] | null> {
  const all: UploadRef[] = [];
  try {
    for await (const page of allUploads(ctx, bucket, prefix, signal)) all.push(...page);
  } catch (err) {
    if (err instanceof HttpError && err.code === 'NotSupported') return null;
    throw err;
  }
  return all;
}
