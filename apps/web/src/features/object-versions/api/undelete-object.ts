import { useMutation, useQueryClient } from '@tanstack/react-query';
import { bucketPath, type RestoreVersionResponse } from '@stowage/shared';
import { apiPost, apiUrl } from '@/lib/api-client';
import { invalidateWrittenObjects } from '@/lib/invalidate-objects';

/** `POST …/object/undelete?key`: the delete markers above the newest version go. */
export function undeleteObject(bucket: string, key: string): Promise<RestoreVersionResponse> {
  return apiPost<RestoreVersionResponse>(
    apiUrl(`${bucketPath(bucket)}/object/undelete`, { key }),
    undefined,
  );
}

export type UndeleteResult = { undeleted: string[]; failed: { key: string; error: unknown }[] };

/** Undeletes keys one by one (a row, or a selection of deleted rows); what failed is reported. */
export async function undeleteObjects(bucket: string, keys: readonly string[]) {
  const result: UndeleteResult = { undeleted: [], failed: [] };
  for (const key of keys) {
    try {
      await undeleteObject(bucket, key);
      result.undeleted.push(key);
    } catch (error) {
      result.failed.push({ key, error });
    }
  }
  return result;
}

export function useUndeleteObjects(bucket: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (keys: readonly string[]) => undeleteObjects(bucket, keys),
    onSettled: (_result, _error, keys) => invalidateWrittenObjects(queryClient, bucket, keys),
  });
}
