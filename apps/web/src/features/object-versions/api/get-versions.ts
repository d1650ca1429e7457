import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { bucketPath, type ListVersionsResponse } from '@stowage/shared';
import { apiGet, apiUrl } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** Versions per page in the panel (the API's default page). */
export const VERSIONS_PAGE = 100;

/** `GET /api/buckets/:bucket/versions?key=K[&cursor=…]`: one page, newest first. */
export function getVersions(
  bucket: string,
  key: string,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<ListVersionsResponse> {
  return apiGet<ListVersionsResponse>(
    apiUrl(`${bucketPath(bucket)}/versions`, { key, cursor, limit: VERSIONS_PAGE }),
    signal,
  );
}

export function versionsQueryKey(bucket: string, key: string) {
  return queryKeys.objectVersions(bucket, key);
}

/** Every version and delete marker of one key, a page at a time ("Load more"). */
export function getVersionsQueryOptions(bucket: string, key: string) {
  return infiniteQueryOptions({
    queryKey: versionsQueryKey(bucket, key),
    queryFn: ({ pageParam, signal }) =>
      getVersions(bucket, key, pageParam === '' ? undefined : pageParam, signal),
    initialPageParam: '',
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useVersions(bucket: string, key: string) {
  return useInfiniteQuery(getVersionsQueryOptions(bucket, key));
}
