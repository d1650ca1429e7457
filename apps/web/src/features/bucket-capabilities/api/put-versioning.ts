import { useMutation, useQueryClient } from '@tanstack/react-query';
import { versioningPath, type PutVersioningBody, type VersioningResponse } from '@stowage/shared';
import { apiPut } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** `PUT /api/buckets/:bucket/versioning {status}`: enable or suspend. */
export function putVersioning(bucket: string, body: PutVersioningBody) {
  return apiPut<VersioningResponse>(versioningPath(bucket), body);
}

/** Enable or suspend; the capabilities (and the settings page's versioning) are asked again. */
export function usePutVersioning(bucket: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (status: PutVersioningBody['status']) => putVersioning(bucket, { status }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.capabilities(bucket) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.setting(bucket, 'versioning') }),
      ]),
  });
}
