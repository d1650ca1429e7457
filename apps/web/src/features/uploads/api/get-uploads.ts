import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { bucketPath, type ListUploadsResponse } from '@stowage/shared';
import { apiGet } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** `GET /api/buckets/:bucket/uploads[?cursor=]`: one page of unfinished multipart uploads. */
export function uploadsPageUrl(bucket: string, cursor?: string): string {
  const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
  return `${bucketPath(bucket)}/uploads${query}`;
}

export function getUploadsQueryOptions(bucket: string) {
  return infiniteQueryOptions({
    queryKey: queryKeys.uploads(bucket),
    queryFn: ({ pageParam, signal }) =>
      apiGet<ListUploadsResponse>(uploadsPageUrl(bucket, pageParam), signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The bucket's unfinished uploads, page by page ("Load more"). */
export function useUploads(bucket: string) {
  return useInfiniteQuery(getUploadsQueryOptions(bucket));
}
