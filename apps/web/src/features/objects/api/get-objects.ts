import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { folderPageUrl, type ListObjectsResponse } from '@stowage/shared';
import { apiGet, hasCode } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

type GetObjectsInput = {
  bucket: string;
  prefix: string;
  cursor?: string;
  /** Also the keys whose current version is a delete marker ("Show deleted"). */
  deleted?: boolean;
  signal?: AbortSignal;
};

export function getObjects({
  bucket,
  prefix,
  cursor,
  deleted = false,
  signal,
}: GetObjectsInput): Promise<ListObjectsResponse> {
  // The first page's cursor is '' (where the infinite query starts): no cursor in the URL. The
  // very URL the API preloads with the page (?deleted=1 included), so the browser's answer is used.
  return apiGet<ListObjectsResponse>(folderPageUrl(bucket, prefix, cursor, { deleted }), signal);
}

export function objectsQueryKey(bucket: string, prefix: string, deleted = false) {
  return deleted ? queryKeys.objectsWithDeleted(bucket, prefix) : queryKeys.objects(bucket, prefix);
}

/** A folder's listing; `deleted` (Show deleted) is a listing of its own, with its own key. */
export function getObjectsQueryOptions(bucket: string, prefix: string, deleted = false) {
  return infiniteQueryOptions({
    queryKey: objectsQueryKey(bucket, prefix, deleted),
    queryFn: ({ pageParam, signal }) =>
      getObjects({ bucket, prefix, cursor: pageParam, deleted, signal }),
    initialPageParam: '',
    getNextPageParam: (lastPage: ListObjectsResponse) => lastPage.nextCursor ?? undefined,
    // Pages are only ever appended; deep-comparing 100,000 rows on every page buys nothing.
    structuralSharing: false,
  });
}

export function useObjects(bucket: string, prefix: string, deleted = false) {
  return useInfiniteQuery(getObjectsQueryOptions(bucket, prefix, deleted));
}

/**
 * True once the folder's first page has arrived (or failed). What can wait asks only then, so
 * the first rows do not share the API and the store with it. Re-renders on status changes only.
 */
export function useFirstPageSettled(bucket: string, prefix: string, deleted = false): boolean {
  const { status } = useInfiniteQuery({
    ...getObjectsQueryOptions(bucket, prefix, deleted),
    notifyOnChangeProps: ['status'],
  });
  return status !== 'pending';
}

/** True when the folder's first page failed because the bucket does not exist. */
export function useBucketMissing(bucket: string, prefix: string, deleted = false): boolean {
  const { error } = useInfiniteQuery({
    ...getObjectsQueryOptions(bucket, prefix, deleted),
    notifyOnChangeProps: ['error'],
  });
  return hasCode(error, 'NoSuchBucket');
}
