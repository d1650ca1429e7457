import { useQuery } from '@tanstack/react-query';
import { bucketPath, type ObjectTags } from '@stowage/shared';
import { apiGet, apiUrl } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export function getObjectTags(bucket: string, key: string, signal?: AbortSignal) {
  return apiGet<ObjectTags>(apiUrl(`${bucketPath(bucket)}/object/tags`, { key }), signal);
}

export function objectTagsQueryKey(bucket: string, key: string) {
  return queryKeys.objectTags(bucket, key);
}

/** The object's tags: a request of their own, so the details cost one HEAD. */
export function useObjectTags(bucket: string, key: string, { enabled = true } = {}) {
  return useQuery({
    queryKey: objectTagsQueryKey(bucket, key),
    queryFn: ({ signal }) => getObjectTags(bucket, key, signal),
    enabled,
  });
}
