import { useMutation, useQueryClient } from '@tanstack/react-query';
import { bucketPath, type RestoreVersionResponse } from '@stowage/shared';
import { apiPost, apiUrl } from '@/lib/api-client';
import { invalidateObjectHistory } from './invalidate-object';

/** `POST …/object/restore?key&versionId`: that version copied over the key, as a new version. */
export function restoreVersion(
  bucket: string,
  key: string,
  versionId: string,
): Promise<RestoreVersionResponse> {
  return apiPost<RestoreVersionResponse>(
    apiUrl(`${bucketPath(bucket)}/object/restore`, { key, versionId }),
    undefined,
  );
}

export function useRestoreVersion(bucket: string, key: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (versionId: string) => restoreVersion(bucket, key, versionId),
    onSettled: () => invalidateObjectHistory(queryClient, bucket, key),
  });
}
