import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  bucketPath,
  MAX_DELETE_KEYS,
  type DeleteObjectsBody,
  type DeleteObjectsResponse,
} from '@stowage/shared';
import { apiPost } from '@/lib/api-client';
import { invalidateDeletedObjects } from '@/lib/invalidate-objects';

/** One bulk delete: named keys, or every key under a prefix (a folder, recursively). */
export function deleteObjects(
  bucket: string,
  body: DeleteObjectsBody,
): Promise<DeleteObjectsResponse> {
  return apiPost<DeleteObjectsResponse>(`${bucketPath(bucket)}/delete`, body);
}

/** Deletes keys (in requests of MAX_DELETE_KEYS) or a folder; refreshes what showed them. */
export function useDeleteObjects(bucket: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: DeleteObjectsBody): Promise<DeleteObjectsResponse> => {
      if ('prefix' in body) return deleteObjects(bucket, body);
      const total: DeleteObjectsResponse = { deleted: 0, errors: [] };
      for (let start = 0; start < body.keys.length; start += MAX_DELETE_KEYS) {
        const keys = body.keys.slice(start, start + MAX_DELETE_KEYS);
        const res = await deleteObjects(bucket, { keys });
        total.deleted += res.deleted;
        total.errors.push(...res.errors);
      }
      return total;
    },
    // Even a failed request may have deleted some keys before it stopped.
    onSettled: (_result, _error, body) =>
      invalidateDeletedObjects(
        queryClient,
        bucket,
        'prefix' in body ? { prefixes: [body.prefix] } : { keys: body.keys },
      ),
  });
}
