import { queryOptions, useQuery } from '@tanstack/react-query';
import {
  BUCKETS_PATH,
  folderPageUrl,
  type ListBucketsResponse,
  type ListObjectsResponse,
} from '@stowage/shared';
import { apiGet } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** The buckets, under the same key as the bucket list's (the same answer). */
export function useBucketNames() {
  return useQuery(
    queryOptions({
      queryKey: ['buckets'] as const,
      queryFn: ({ signal }) => apiGet<ListBucketsResponse>(BUCKETS_PATH, signal),
      select: (data) => data.buckets.map((b) => b.name),
    }),
  );
}

/**
 * A folder's subfolders for the destination picker: its first listing page (1,000 entries).
 * Under the bucket's 'objects' key, so what changes listings refreshes these too.
 */
export function useSubfolders(bucket: string | null, prefix: string) {
  return useQuery({
    queryKey: [...queryKeys.bucket(bucket ?? ''), 'objects', 'folders', { prefix }] as const,
    queryFn: ({ signal }) =>
      apiGet<ListObjectsResponse>(folderPageUrl(bucket ?? '', prefix), signal),
    enabled: bucket !== null,
    select: (page) => ({ folders: page.prefixes, more: page.nextCursor !== null }),
  });
}
