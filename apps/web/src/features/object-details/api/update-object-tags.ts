import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ObjectDetails, PutTagsBody } from '@stowage/shared';
import { apiPut, apiUrl, bucketPath } from '@/lib/api-client';
import { objectDetailsQueryKey } from './get-object-details';

/** Replaces the object's whole tag set; an empty list removes every tag. */
export function updateObjectTags(bucket: string, key: string, body: PutTagsBody) {
  return apiPut<PutTagsBody>(apiUrl(`${bucketPath(bucket)}/object/tags`, { key }), body);
}

export function useUpdateObjectTags(bucket: string, key: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PutTagsBody) => updateObjectTags(bucket, key, body),
    onSuccess: ({ tags }) => {
      queryClient.setQueryData<ObjectDetails>(objectDetailsQueryKey(bucket, key), (old) =>
        old ? { ...old, tags } : old,
      );
      return queryClient.invalidateQueries({ queryKey: objectDetailsQueryKey(bucket, key) });
    },
  });
}
