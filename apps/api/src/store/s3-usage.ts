import {
  USAGE_LARGEST,
  type ObjectSummary,
  type UsageProgress,
  type UsageResult,
} from '@stowage/shared';
import type { ListAll } from './s3-buckets.js';
import type { S3Context } from './s3-context.js';
import { uploadsIfListable, withParts } from './s3-uploads.js';
import { allVersions, versioningNow, wasVersioned } from './s3-versions.js';

type Largest = UsageResult['largest'][number];

export interface UsageOptions {
  /** Aborted when the client goes away: the walk stops after the page in flight. */
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: UsageProgress) => void) | undefined;
}

/**
 * The `n` largest objects seen, kept in a sorted array of at most `n` (smallest first): each
 * object costs one comparison with the smallest kept, and a binary-search insert when it is
 * larger — O(log n) with n = 20, without a heap library for 20 entries.
 */
export class LargestObjects {
  readonly #kept: Largest[] = [];
  constructor(readonly n: number = USAGE_LARGEST) {}

  add(o: ObjectSummary): void {
    const kept = this.#kept;
    if (this.n === 0 || (kept.length === this.n && o.size <= kept[0]!.size)) return;
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (kept[mid]!.size < o.size) lo = mid + 1;
      else hi = mid;
    }
    kept.splice(lo, 0, { key: o.key, size: o.size, lastModified: o.lastModified });
    if (kept.length > this.n) kept.shift();
  }

  /** Largest first. */
  list(): Largest[] {
    return [...this.#kept].reverse();
  }
}

/**
 * What a bucket or folder costs: its objects and bytes and the largest objects (ListObjectsV2,
 * a progress report per page), the unfinished uploads and their parts' bytes (null where the
 * store cannot list them), and on a bucket that is or was versioned its noncurrent versions
 * and delete markers (null on a bucket never versioned). The walk stops when `signal` aborts:
 * the figures are then what was counted, `cancelled` true, and what was not reached null.
 */
export async function bucketUsage(
  ctx: S3Context,
  listAll: ListAll,
  bucket: string,
  prefix: string,
  options: UsageOptions = {},
): Promise<UsageResult> {
  const { signal, onProgress } = options;
  const versioned = wasVersioned(await versioningNow(ctx, bucket));
  const progress: UsageProgress = { objects: 0, bytes: 0 };
  const largest = new LargestObjects();
  onProgress?.({ ...progress });
  for await (const page of listAll(bucket, prefix)) {
    for (const o of page) {
      progress.objects += 1;
      progress.bytes += o.size;
      largest.add(o);
    }
    onProgress?.({ ...progress });
    if (signal?.aborted) break;
  }
  const result: UsageResult = {
    ...progress,
    largest: largest.list(),
    uploads: null,
    noncurrent: null,
    cancelled: false,
  };
  if (!signal?.aborted) {
    const refs = await uploadsIfListable(ctx, bucket, prefix, signal);
    if (refs && !signal?.aborted) {
      const counted = await withParts(ctx, bucket, refs);
      result.uploads = {
        count: counted.length,
        bytes: counted.reduce((sum, u) => sum + u.bytes, 0),
      };
    }
  }
  if (versioned && !signal?.aborted) {
    const noncurrent = { count: 0, bytes: 0 };
    for await (const page of allVersions(ctx, bucket, prefix, signal)) {
      for (const v of page) {
        if (v.deleteMarker) noncurrent.count += 1;
        else if (!v.isLatest) {
          noncurrent.count += 1;
          noncurrent.bytes += v.size;
        }
      }
    }
    if (!signal?.aborted) result.noncurrent = noncurrent;
  }
  result.cancelled = signal?.aborted === true;
  return result;
}
