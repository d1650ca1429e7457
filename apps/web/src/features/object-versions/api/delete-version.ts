import { useMutation, useQueryClient } from '@tanstack/react-query';
import { bucketPath } from '@stowage/shared';
import { apiDelete, apiUrl } from '@/lib/api-client';
import { invalidateObjectHistory } from './invalidate-object';

/** `DELETE …/object?key&versionId`: that version (or delete marker) is gone for good. */
export function deleteVersion(bucket: string, key: string, versionId: string): Promise<void> {
  return apiDelete(apiUrl(`${bucketPath(bucket)}/object`, { key, versionId }));
}

export function useDeleteVersion(bucket: string, key: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (versionId: string) => deleteVersion(bucket, key, versionId),
    onSettled: () => invalidateObjectHistory(queryClient, bucket, key),
  });
}
