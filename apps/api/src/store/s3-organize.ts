import type { CopyError, CopyObjectsBody, CopyProgress, CopyResult } from '@stowage/shared';
import pMap from 'p-map';
import { HttpError } from '../errors.js';
import type { CopyOptions } from './object-store.js';
import { KeyFailure } from './organize-keys.js';
import { DELETE_BATCH, deleteObjects } from './s3-bulk.js';
import type { S3Context } from './s3-context.js';
import { copyOneObject } from './s3-copy.js';
import { planCopy, type OrganizeDeps } from './s3-organize-plan.js';

/** A per-key entry of the answer's `errors`: our code and message, never a stack. */
function keyErrorOf(key: string, err: unknown, prefix = ''): CopyError {
  if (err instanceof KeyFailure || err instanceof HttpError) {
    return { key, code: err.code, message: prefix + err.message };
  }
  return { key, code: 'Internal', message: `${prefix}An unexpected error stopped this object` };
}

/**
 * Copies or moves objects (organize.ts in packages/shared): plans first (s3-organize-plan.ts:
 * every 4xx is thrown from there, before anything is written), then copies at most
 * `copyConcurrency` objects at once (s3-copy.ts: each copy verified). A move deletes each
 * verified source, in DeleteObjects batches as the work goes, and the rest at the end or on
 * cancel, so a source whose copy failed stays and a cancelled move leaves no object in both
 * places. Once the plan is made, failures are per key: the answer is always a CopyResult.
 */
export async function copyObjects(
  ctx: S3Context,
  deps: OrganizeDeps,
  bucket: string,
  body: CopyObjectsBody,
  options: CopyOptions = {},
): Promise<CopyResult> {
  const plan = await planCopy(ctx, deps, bucket, body);
  const toBucket = body.to.bucket;
  const { signal, onProgress } = options;
  const result: CopyResult = {
    copied: 0,
    skipped: plan.skipped,
    errors: [...plan.errors],
    cancelled: false,
  };
  const progress: CopyProgress = {
    done: plan.skipped + plan.errors.length,
    bytes: 0,
    total: plan.total,
    totalBytes: plan.totalBytes,
  };
  onProgress?.({ ...progress });

  const deletes = sourceDeleter(ctx, bucket, result.errors);
  await pMap(
    plan.items,
    async ({ source, target }) => {
      if (signal?.aborted) return;
      try {
        const bytes = await copyOneObject(ctx, bucket, source, toBucket, target);
        progress.bytes += bytes;
        result.copied += 1;
        if (body.move) deletes.add(source.key);
      } catch (err) {
        result.errors.push(keyErrorOf(source.key, err));
      }
      progress.done += 1;
      onProgress?.({ ...progress });
    },
    { concurrency: ctx.config.copyConcurrency },
  );
  await deletes.flush();
  result.cancelled = signal?.aborted === true && progress.done < progress.total;
  return result;
}

/**
 * Deletes verified sources in DeleteObjects batches (s3-bulk.ts), one batch at a time, as
 * they fill; `flush` sends the rest and waits for all. A source the store would not delete
 * is reported: its copy exists, so the object is then in both places, which the user sees.
 */
function sourceDeleter(ctx: S3Context, bucket: string, errors: CopyError[]) {
  const NOT_DELETED = 'Copied, but the source was not deleted: ';
  let pending: string[] = [];
  let chain = Promise.resolve();
  const send = () => {
    const batch = pending;
    pending = [];
    if (batch.length === 0) return chain;
    chain = chain.then(async () => {
      try {
        const out = await deleteObjects(ctx, bucket, batch);
        for (const e of out.errors) errors.push({ ...e, message: NOT_DELETED + e.message });
      } catch (err) {
        for (const key of batch) errors.push(keyErrorOf(key, err, NOT_DELETED));
      }
    });
    return chain;
  };
  return {
    add(key: string) {
      pending.push(key);
      if (pending.length >= DELETE_BATCH) void send();
    },
    flush: send,
  };
}
