import { DeleteObjectsCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import type {
  DeleteObjectsResponse,
  DeleteProgress,
  ObjectSummary,
  PrefixSummaryResponse,
} from '@stowage/shared';
import { HttpError } from '../errors.js';
import { keyError } from './key-policy.js';
import pMap from 'p-map';
import type { S3Context } from './s3-context.js';

/** Operations over many objects: bulk and folder delete, folder summary, existing keys. */

/** S3's most keys per DeleteObjects request. */
export const DELETE_BATCH = 1000;
/** A folder's size is counted up to this many objects ("more than N"). */
export const PREFIX_SUMMARY_CAP = 100_000;

/**
 * Deletes keys in DeleteObjects batches of 1,000, reporting per-key failures. Quiet mode: the
 * store lists only failures, so `deleted` is what was sent minus what failed (s3rver lists
 * the deleted keys anyway; Ceph, like S3, does not). A key that did not exist counts as
 * deleted, as S3 reports it. If the first request fails outright (no bucket, no access) that
 * error is the answer; if a later one does, its keys and the rest are reported as failed.
 * Keys the connection refuses (key-policy.ts: on s3rver `a/../b` would hit `b`) are never sent.
 * `options` (a folder delete's): progress after each batch, and no new batch once `signal` aborts.
 */
export async function deleteObjects(
  ctx: S3Context,
  bucket: string,
  keys: readonly string[],
  options: DeletePrefixOptions = {},
): Promise<DeleteObjectsResponse> {
  const { signal, onProgress } = options;
  const result: DeleteObjectsResponse = { deleted: 0, errors: [] };
  const toSend: string[] = [];
  for (const key of new Set(keys)) {
    const refused = keyError(key, ctx.keyPolicy);
    if (!refused) toSend.push(key);
    else result.errors.push({ key, code: 'UnsafeKey', message: refused.message });
  }
  const total = keys.length;
  onProgress?.({ deleted: 0, failed: result.errors.length, total });
  for (let i = 0; i < toSend.length; i += DELETE_BATCH) {
    if (signal?.aborted) {
      result.cancelled = true;
      break;
    }
    const batch = toSend.slice(i, i + DELETE_BATCH);
    try {
      const out = await ctx.send(
        new DeleteObjectsCommand({
          Bucket: bucket,
          Delete: { Quiet: true, Objects: batch.map((Key) => ({ Key })) },
        }),
      );
      const errors = (out.Errors ?? []).map((e) => ({
        key: e.Key ?? '',
        code: e.Code ?? 'Error',
        message: e.Message || e.Code || 'The store did not delete this object',
      }));
      result.errors.push(...errors);
      result.deleted += batch.length - errors.length;
      onProgress?.({ deleted: result.deleted, failed: result.errors.length, total });
    } catch (err) {
      if (i === 0 || !(err instanceof HttpError)) throw err;
      const code = err.store?.name || err.code;
      for (const key of toSend.slice(i)) result.errors.push({ key, code, message: err.message });
      break;
    }
  }
  return result;
}

/** What a folder delete gets from its request: the client going away, and progress. */
export interface DeletePrefixOptions {
  /** Aborted when the client goes away: no new batch starts, the one in flight finishes. */
  signal?: AbortSignal | undefined;
  /** Called once the folder is listed (`total`), then after each DeleteObjects batch. */
  onProgress?: ((progress: DeleteProgress) => void) | undefined;
  /** Only the keys from `from` to `to` (both included, S3 order; a `to` ending in "/" covers its subtree). */
  range?: { from?: string | undefined; to?: string | undefined } | undefined;
}

/**
 * Lists the whole prefix first (`pages`, no delimiter), then deletes exactly that snapshot in
 * DeleteObjects batches, one at a time. `signal` stops the listing between pages and the
 * deleting between batches (`cancelled` then says so; a batch is never cut in half).
 */
export async function deletePrefix(
  ctx: S3Context,
  pages: AsyncIterable<ObjectSummary[]>,
  bucket: string,
  options: DeletePrefixOptions = {},
): Promise<DeleteObjectsResponse> {
  const { signal } = options;
  const keys: string[] = [];
  for await (const page of pages) {
    if (signal?.aborted) return { deleted: 0, errors: [], cancelled: true };
    keys.push(...page.map((o) => o.key));
  }
  return deleteObjects(ctx, bucket, keys, options);
}

/** Counts a folder's objects and bytes from its listing (`pages`), up to `cap`. */
export async function prefixSummary(
  pages: AsyncIterable<ObjectSummary[]>,
  cap = PREFIX_SUMMARY_CAP,
): Promise<PrefixSummaryResponse> {
  let count = 0;
  let totalSize = 0;
  for await (const page of pages) {
    for (const o of page) {
      if (count === cap) return { count, totalSize, truncated: true };
      count += 1;
      totalSize += o.size;
    }
  }
  return { count, totalSize, truncated: false };
}

/** HeadObject, 16 at a time; a 404 means absent, any other failure is the answer. */
export async function existingKeys(
  ctx: S3Context,
  bucket: string,
  keys: readonly string[],
): Promise<string[]> {
  const found = await pMap(
    keys,
    async (key) => {
      // The store may hold no such key, and asking for it may alias another one.
      if (keyError(key, ctx.keyPolicy)) return false;
      try {
        await ctx.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return true;
      } catch (err) {
        if (err instanceof HttpError && err.statusCode === 404) return false;
        throw err;
      }
    },
    { concurrency: 16 },
  );
  return [...new Set(keys.filter((_, i) => found[i]))];
}
