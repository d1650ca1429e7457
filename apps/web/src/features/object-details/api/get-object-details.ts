import { queryOptions, useQuery } from '@tanstack/react-query';
import { bucketPath, type ObjectDetails } from '@stowage/shared';
import { apiGet, apiUrl } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** The current version's details, or those of `versionId`. */
export function getObjectDetails(
  bucket: string,
  key: string,
  signal?: AbortSignal,
  versionId?: string,
): Promise<ObjectDetails> {
  return apiGet<ObjectDetails>(apiUrl(`${bucketPath(bucket)}/object`, { key, versionId }), signal);
}

/** One version's details live under the object's key, so they go stale with it. */
export function objectDetailsQueryKey(bucket: string, key: string, versionId?: string) {
  return versionId === undefined
    ? queryKeys.object(bucket, key)
    : ([...queryKeys.object(bucket, key), 'version', versionId] as const);
}

export function getObjectDetailsQueryOptions(bucket: string, key: string, versionId?: string) {
  return queryOptions({
    queryKey: objectDetailsQueryKey(bucket, key, versionId),
    queryFn: ({ signal }) => getObjectDetails(bucket, key, signal, versionId),
  });
}

export function useObjectDetails(bucket: string, key: string, versionId?: string) {
  return useQuery(getObjectDetailsQueryOptions(bucket, key, versionId));
}
