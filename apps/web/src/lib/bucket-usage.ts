import {
  bucketPath,
  UsageProgressSchema,
  UsageResultSchema,
  type UsageResult,
} from '@stowage/shared';
import { ndjsonRequest } from './ndjson-request';

export type UsageProgress = { objects: number; bytes: number };

/** The usage route's URL: a bucket, or one folder of it (`prefix`). */
export function usageUrl(bucket: string, prefix: string): string {
  const query = prefix === '' ? '' : `?prefix=${encodeURIComponent(prefix)}`;
  return `${bucketPath(bucket)}/usage${query}`;
}

/**
 * Walks a bucket (or a folder) with `GET /usage`: progress lines (objects and bytes counted so
 * far), then the totals. Aborting `signal` stops the walk. Shared by the usage page and the
 * delete-bucket dialog (what emptying would remove).
 */
export function streamUsage(
  bucket: string,
  prefix: string,
  options: { signal: AbortSignal; onProgress: (progress: UsageProgress) => void },
): Promise<UsageResult> {
  return ndjsonRequest({
    url: usageUrl(bucket, prefix),
    method: 'GET',
    signal: options.signal,
    progress: UsageProgressSchema,
    summary: UsageResultSchema,
    onProgress: options.onProgress,
    what: 'a usage summary',
  });
}
