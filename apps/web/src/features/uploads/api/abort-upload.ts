import { useMutation, useQueryClient } from '@tanstack/react-query';
import { bucketPath, type AbortOlderResponse, type MultipartUpload } from '@stowage/shared';
import { apiDelete, apiPost } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** `DELETE /api/buckets/:bucket/uploads?key=&uploadId=`: one upload and its parts go. */
export function useAbortUpload(bucket: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, uploadId }: Pick<MultipartUpload, 'key' | 'uploadId'>) =>
      apiDelete(
        `${bucketPath(bucket)}/uploads?key=${encodeURIComponent(key)}&uploadId=${encodeURIComponent(uploadId)}`,
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.uploads(bucket) }),
  });
}

/** `POST /api/buckets/:bucket/uploads/abort-older`: every upload started more than N days ago. */
export function useAbortOlder(bucket: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (days: number) =>
      apiPost<AbortOlderResponse>(`${bucketPath(bucket)}/uploads/abort-older`, { days }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.uploads(bucket) }),
  });
}
