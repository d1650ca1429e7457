import { queryOptions, useQuery } from '@tanstack/react-query';
import { BUCKETS_PATH, type ListBucketsResponse } from '@stowage/shared';
import { apiGet } from '@/lib/api-client';

export const bucketsQueryKey = ['buckets'] as const;

export function getBuckets(signal?: AbortSignal): Promise<ListBucketsResponse> {
  return apiGet<ListBucketsResponse>(BUCKETS_PATH, signal);
}

export function getBucketsQueryOptions() {
  return queryOptions({
    queryKey: bucketsQueryKey,
    queryFn: ({ signal }) => getBuckets(signal),
  });
}

export function useBuckets() {
  return useQuery(getBucketsQueryOptions());
}
