import { useMutation, useQueryClient } from '@tanstack/react-query';
import { linkPath } from '@stowage/shared';
import { apiDelete } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** `DELETE /api/buckets/:bucket/links/:id`: the link's record goes, and the link works no more. */
export function useRevokeLink(bucket: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiDelete(linkPath(bucket, id)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.links(bucket) }),
  });
}
