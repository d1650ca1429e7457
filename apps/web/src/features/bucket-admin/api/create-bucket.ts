import { useMutation, useQueryClient } from '@tanstack/react-query';
import { BUCKETS_PATH, type CreateBucketInput, type CreateBucketResponse } from '@stowage/shared';
import { apiPost } from '@/lib/api-client';

/** `POST /api/buckets`; the bucket list refreshes after. */
export function useCreateBucket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateBucketInput) => apiPost<CreateBucketResponse>(BUCKETS_PATH, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['buckets'], exact: true }),
  });
}
