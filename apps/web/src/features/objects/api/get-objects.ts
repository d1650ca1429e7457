import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { ListObjectsResponse } from '@stowage/shared';
import { apiGet, apiUrl, bucketPath } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** One S3 page per request; the API caps `limit` at 1000. */
export const OBJECTS_PAGE_SIZE = 1000;

type GetObjectsInput = { bucket: string; prefix: string; cursor?: string; signal?: AbortSignal };

export function getObjects({
  bucket,
  prefix,
  cursor,
  signal,
}: GetObjectsInput): Promise<ListObjectsResponse> {
  const url = apiUrl(`${bucketPath(bucket)}/objects`, {
    prefix,
    delimiter: '/',
    // The first page has no cursor (the infinite query starts from '').
    cursor: cursor === '' ? undefined : cursor,
    limit: OBJECTS_PAGE_SIZE,
  });
  return apiGet<ListObjectsResponse>(url, signal);
}

export function objectsQueryKey(bucket: string, prefix: string) {
  return queryKeys.objects(bucket, prefix);
}

export function getObjectsQueryOptions(bucket: string, prefix: string) {
  return infiniteQueryOptions({
    queryKey: objectsQueryKey(bucket, prefix),
    queryFn: ({ pageParam, signal }) => getObjects({ bucket, prefix, cursor: pageParam, signal }),
    initialPageParam: '',
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    // Pages are only ever appended; deep-comparing 100,000 rows on every page buys nothing.
    structuralSharing: false,
  });
}

export function useObjects(bucket: string, prefix: string) {
  return useInfiniteQuery(getObjectsQueryOptions(bucket, prefix));
}
