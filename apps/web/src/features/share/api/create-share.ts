import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sharePath, type ShareBody, type ShareResponse } from '@stowage/shared';
import { apiPost } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** `POST /api/buckets/:bucket/share`: a download link to one object (direct or relay). */
export function useCreateShare(bucket: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ShareBody) => apiPost<ShareResponse>(sharePath(bucket), body),
    // A relay link has a record: the Links page lists it.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.links(bucket) }),
  });
}
