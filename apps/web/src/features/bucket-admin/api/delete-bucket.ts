import { useMutation, useQueryClient } from '@tanstack/react-query';
import { bucketPath } from '@stowage/shared';
import { apiDelete } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/**
 * `DELETE /api/buckets/:bucket`: only an empty bucket goes (409 BucketNotEmpty otherwise). The
 * bucket list refreshes, and whatever was cached of the bucket is dropped once it is gone.
 */
export function useDeleteBucket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (bucket: string) => apiDelete(bucketPath(bucket)),
    onSuccess: (_nothing, bucket) => {
      queryClient.removeQueries({ queryKey: queryKeys.bucket(bucket) });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['buckets'], exact: true }),
  });
}
