import { DeleteObjectsCommand } from '@aws-sdk/client-s3';
import type { CopyProgress, EmptyBucketResult } from '@stowage/shared';
import pMap from 'p-map';
import { HttpError } from '../errors.js';
import { keyError } from './key-policy.js';
import type { CopyOptions } from './object-store.js';
import type { ListAll } from './s3-buckets.js';
import { DELETE_BATCH } from './s3-bulk.js';
import type { S3Context } from './s3-context.js';
import { abortUploads, uploadsIfListable } from './s3-uploads.js';
import { allVersions, versioningNow, wasVersioned } from './s3-versions.js';

type EmptyError = EmptyBucketResult['errors'][number];

interface Entry {
  key: string;
  versionId: string | null;
  size: number;
}

/** DeleteObjects requests in flight at once: the copy concurrency, at most 4 (1,000 keys each). */
export const emptyConcurrency = (ctx: S3Context) =>
  Math.max(1, Math.min(ctx.config.copyConcurrency, 4));

const errorOf = (entry: Entry, err: unknown): EmptyError => {
  const known = err instanceof HttpError;
  return {
    key: entry.key,
    versionId: entry.versionId,
    code: known ? err.code : 'Internal',
    message: known ? err.message : 'An unexpected error stopped this delete',
  };
};

/**
 * One DeleteObjects of up to 1,000 entries (with their version ids): the per-entry failures
 * (object lock retention, a legal hold: AccessDenied). A request that fails outright fails
 * each of its entries. Keys this connection refuses (key-policy.ts) are never sent.
 */
async function deleteBatch(ctx: S3Context, bucket: string, batch: Entry[]): Promise<EmptyError[]> {
  const errors: EmptyError[] = [];
  const toSend = batch.filter((e) => {
    const refused = keyError(e.key, ctx.keyPolicy);
    if (refused) errors.push(errorOf(e, refused));
    return !refused;
  });
  if (toSend.length === 0) return errors;
  try {
    const out = await ctx.send(
      new DeleteObjectsCommand({
        Bucket: bucket,
        Delete: {
          Quiet: true,
          Objects: toSend.map((e) => ({ Key: e.key, VersionId: e.versionId ?? undefined })),
        },
      }),
    );
    for (const e of out.Errors ?? []) {
      errors.push({
        key: e.Key ?? '',
        versionId: e.VersionId ?? null,
        code: e.Code ?? 'Error',
        message: e.Message || e.Code || 'The store did not delete this entry',
      });
    }
  } catch (err) {
    errors.push(...toSend.map((e) => errorOf(e, err)));
  }
  return errors;
}

/**
 * Empties a bucket: lists everything first (ListObjectVersions where the bucket is or was
 * versioned, so versions and delete markers go too, else ListObjectsV2; and the unfinished
 * uploads where the store can list them), then deletes exactly that snapshot in DeleteObjects
 * batches at bounded concurrency and aborts the uploads. Listing failures are the answer (a
 * 4xx before anything is deleted); after, failures are per entry. `signal` stops new batches.
 */
export async function emptyBucket(
  ctx: S3Context,
  listAll: ListAll,
  bucket: string,
  options: CopyOptions = {},
): Promise<EmptyBucketResult> {
  const { signal, onProgress } = options;
  const entries: Entry[] = [];
  if (wasVersioned(await versioningNow(ctx, bucket))) {
    for await (const page of allVersions(ctx, bucket, '', signal)) entries.push(...page);
  } else {
    for await (const page of listAll(bucket, '')) {
      entries.push(...page.map((o) => ({ key: o.key, versionId: null, size: o.size })));
    }
  }
  const uploads = (await uploadsIfListable(ctx, bucket, '', signal)) ?? [];
  const progress: CopyProgress = {
    done: 0,
    bytes: 0,
    total: entries.length + uploads.length,
    totalBytes: entries.reduce((sum, e) => sum + e.size, 0),
  };
  onProgress?.({ ...progress });

  const result: EmptyBucketResult = { deleted: 0, uploadsAborted: 0, errors: [], cancelled: false };
  const batches: Entry[][] = [];
  for (let i = 0; i < entries.length; i += DELETE_BATCH) {
    batches.push(entries.slice(i, i + DELETE_BATCH));
  }
  await pMap(
    batches,
    async (batch) => {
      if (signal?.aborted) return;
      const errors = await deleteBatch(ctx, bucket, batch);
      const failed = new Set(errors.map((e) => `${e.key}\0${e.versionId ?? ''}`));
      for (const e of batch) {
        if (!failed.has(`${e.key}\0${e.versionId ?? ''}`)) progress.bytes += e.size;
      }
      result.errors.push(...errors);
      result.deleted += batch.length - errors.length;
      progress.done += batch.length;
      onProgress?.({ ...progress });
    },
    { concurrency: emptyConcurrency(ctx) },
  );
  const aborts = await abortUploads(ctx, bucket, uploads, signal, () => {
    progress.done += 1;
    onProgress?.({ ...progress });
  });
  result.uploadsAborted = aborts.aborted;
  for (const e of aborts.errors) {
    result.errors.push({ key: e.key, versionId: null, code: e.code, message: e.message });
  }
  result.cancelled = signal?.aborted === true && progress.done < progress.total;
  return result;
}
