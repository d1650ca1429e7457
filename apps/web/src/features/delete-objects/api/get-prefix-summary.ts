import { queryOptions, useQuery } from '@tanstack/react-query';
import { bucketPath, type PrefixSummaryResponse } from '@stowage/shared';
import { apiGet, apiUrl } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export function getPrefixSummary(
  bucket: string,
  prefix: string,
  signal?: AbortSignal,
): Promise<PrefixSummaryResponse> {
  return apiGet<PrefixSummaryResponse>(
    apiUrl(`${bucketPath(bucket)}/prefix-summary`, { prefix }),
    signal,
  );
}

export function getPrefixSummaryQueryOptions(bucket: string, prefix: string) {
  return queryOptions({
    queryKey: [...queryKeys.bucket(bucket), 'prefix-summary', { prefix }] as const,
    queryFn: ({ signal }) => getPrefixSummary(bucket, prefix, signal),
    // Asked right before a delete: always count afresh.
    staleTime: 0,
    gcTime: 0,
  });
}

/** How many objects (and bytes) a folder delete would remove. */
export function usePrefixSummary(bucket: string, prefix: string) {
  return useQuery(getPrefixSummaryQueryOptions(bucket, prefix));
}
