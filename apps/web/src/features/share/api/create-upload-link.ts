import { useMutation, useQueryClient } from '@tanstack/react-query';
import { uploadLinksPath, type UploadLinkBody, type UploadLinkResponse } from '@stowage/shared';
import { apiPost } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** `POST /api/buckets/:bucket/upload-links`: a page where anyone holding it drops files into one folder. */
export function useCreateUploadLink(bucket: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UploadLinkBody) =>
      apiPost<UploadLinkResponse>(uploadLinksPath(bucket), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.links(bucket) }),
  });
}
