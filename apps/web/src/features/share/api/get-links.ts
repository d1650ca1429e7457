import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { linksPath, type LinksResponse } from '@stowage/shared';
import { apiGet, apiUrl } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** `GET /api/buckets/:bucket/links[?cursor=]`: one page of the links made through Stowage. */
export function getLinksQueryOptions(bucket: string) {
  return infiniteQueryOptions({
    queryKey: queryKeys.links(bucket),
    queryFn: ({ pageParam, signal }) =>
      apiGet<LinksResponse>(apiUrl(linksPath(bucket), { cursor: pageParam }), signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The bucket's links, page by page ("Load more"). */
export function useLinks(bucket: string) {
  return useInfiniteQuery(getLinksQueryOptions(bucket));
}
