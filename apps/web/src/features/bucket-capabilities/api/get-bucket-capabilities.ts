import { queryOptions, useQuery } from '@tanstack/react-query';
import { bucketPath, type BucketCapabilities } from '@stowage/shared';
import { apiGet } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export function getBucketCapabilities(
  bucket: string,
  signal?: AbortSignal,
): Promise<BucketCapabilities> {
  return apiGet<BucketCapabilities>(`${bucketPath(bucket)}/capabilities`, signal);
}

/** The API probes once and caches; the versioning status may change within a minute. */
export function getBucketCapabilitiesQueryOptions(bucket: string) {
  return queryOptions({
    queryKey: queryKeys.capabilities(bucket),
    queryFn: ({ signal }) => getBucketCapabilities(bucket, signal),
    staleTime: 60_000,
  });
}

/**
 * What the store can do in this bucket; undefined while loading or if it could not be asked.
 * `enabled: false` holds the probe back (an answer already cached is still given).
 */
export function useBucketCapabilities(bucket: string, { enabled = true } = {}) {
  return useQuery({ ...getBucketCapabilitiesQueryOptions(bucket), enabled });
}
