import {
  bucketPath,
  EmptyBucketProgressSchema,
  EmptyBucketResultSchema,
  type CopyProgress,
  type EmptyBucketResult,
} from '@stowage/shared';
import { ndjsonRequest } from '@/lib/ndjson-request';

/**
 * `POST /api/buckets/:bucket/empty` with the name typed again (`confirm`): every object, and
 * on a versioned bucket every version and delete marker, and the unfinished uploads. Streams
 * progress (NDJSON); aborting `signal` stops it after what is in flight.
 */
export function emptyBucket(
  bucket: string,
  confirm: string,
  options: { signal: AbortSignal; onProgress: (progress: CopyProgress) => void },
): Promise<EmptyBucketResult> {
  return ndjsonRequest({
    url: `${bucketPath(bucket)}/empty`,
    body: { confirm },
    signal: options.signal,
    progress: EmptyBucketProgressSchema,
    summary: EmptyBucketResultSchema,
    onProgress: options.onProgress,
    what: 'an empty-bucket summary',
  });
}
