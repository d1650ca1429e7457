import { queryOptions, useQuery } from '@tanstack/react-query';
import { bucketPath, type ObjectDetails } from '@stowage/shared';
import { apiGet, apiUrl } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export function getObjectDetails(
  bucket: string,
  key: string,
  signal?: AbortSignal,
): Promise<ObjectDetails> {
  return apiGet<ObjectDetails>(apiUrl(`${bucketPath(bucket)}/object`, { key }), signal);
}

export function objectDetailsQueryKey(bucket: string, key: string) {
  return queryKeys.object(bucket, key);
}

export function getObjectDetailsQueryOptions(bucket: string, key: string) {
  return queryOptions({
    queryKey: objectDetailsQueryKey(bucket, key),
    queryFn: ({ signal }) => getObjectDetails(bucket, key, signal),
  });
}

export function useObjectDetails(bucket: string, key: string) {
  return useQuery(getObjectDetailsQueryOptions(bucket, key));
}
