import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { folderPageUrl, type ListObjectsResponse } from '@stowage/shared';
import { apiGet } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

type GetObjectsInput = { bucket: string; prefix: string; cursor?: string; signal?: AbortSignal };

export function getObjects({
  bucket,
  prefix,
  cursor,
  signal,
}: GetObjectsInput): Promise<ListObjectsResponse> {
  // The first page's cursor is '' (where the infinite query starts): no cursor in the URL.
  return apiGet<ListObjectsResponse>(folderPageUrl(bucket, prefix, cursor), signal);
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

/**
 * True once the folder's first page has arrived (or failed). What can wait asks only then, so
 * the first rows do not share the API and the store with it. Re-renders on status changes only.
 */
export function useFirstPageSettled(bucket: string, prefix: string): boolean {
  const { status } = useInfiniteQuery({
    ...getObjectsQueryOptions(bucket, prefix),
    notifyOnChangeProps: ['status'],
  });
  return status !== 'pending';
}
