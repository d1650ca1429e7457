import { useMutation, useQueryClient } from '@tanstack/react-query';
import { bucketPath, type ObjectTags, type PutTagsBody } from '@stowage/shared';
import { apiPut, apiUrl } from '@/lib/api-client';
import { objectTagsQueryKey } from './get-object-tags';

/** Replaces the object's whole tag set; an empty list removes every tag. */
export function updateObjectTags(bucket: string, key: string, body: PutTagsBody) {
  return apiPut<PutTagsBody>(apiUrl(`${bucketPath(bucket)}/object/tags`, { key }), body);
}

export function useUpdateObjectTags(bucket: string, key: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PutTagsBody) => updateObjectTags(bucket, key, body),
    onSuccess: ({ tags }) => {
      // The answer is the tag set the store now holds (read back by the API).
      queryClient.setQueryData<ObjectTags>(objectTagsQueryKey(bucket, key), { tags });
    },
  });
}
