import { useMutation, useQueryClient } from '@tanstack/react-query';
import { bucketPath, type CreateFolderResponse } from '@stowage/shared';
import { apiPost } from '@/lib/api-client';
import { invalidateListingsOf } from '@/lib/invalidate-objects';

/** POST /folders: an empty folder (its zero-byte `prefix` marker); 409 when it exists. */
export function createFolder(bucket: string, prefix: string): Promise<CreateFolderResponse> {
  return apiPost<CreateFolderResponse>(`${bucketPath(bucket)}/folders`, { prefix });
}

export function useCreateFolder(bucket: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (prefix: string) => createFolder(bucket, prefix),
    // The parent's listing gains the folder.
    onSuccess: (folder) => invalidateListingsOf(queryClient, bucket, [folder.prefix]),
  });
}
