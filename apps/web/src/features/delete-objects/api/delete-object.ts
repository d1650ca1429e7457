import { useMutation, useQueryClient } from '@tanstack/react-query';
import { bucketPath } from '@stowage/shared';
import { apiDelete, apiUrl } from '@/lib/api-client';
import { invalidateDeletedObjects } from '@/lib/invalidate-objects';

export function deleteObject(bucket: string, key: string): Promise<void> {
  return apiDelete(apiUrl(`${bucketPath(bucket)}/object`, { key }));
}

/** Deletes one object; its listings refresh. */
export function useDeleteObject(bucket: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (key: string) => deleteObject(bucket, key),
    onSettled: (_result, _error, key) =>
      invalidateDeletedObjects(queryClient, bucket, { keys: [key] }),
  });
}
