import { useMutation, useQueryClient } from '@tanstack/react-query';
import { bucketPath, type ObjectDetails, type UpdateMetadataBody } from '@stowage/shared';
import { apiPut, apiUrl } from '@/lib/api-client';
import { invalidateListingsOf } from '@/lib/invalidate-objects';
import { objectDetailsQueryKey } from './get-object-details';

/** Replaces the object's metadata (S3 copies it onto itself); answers its new details. */
export function updateObjectMetadata(
  bucket: string,
  key: string,
  body: UpdateMetadataBody,
): Promise<ObjectDetails> {
  return apiPut<ObjectDetails>(apiUrl(`${bucketPath(bucket)}/object/metadata`, { key }), body);
}

/** Fails with 409 when the object changed since the form loaded it (`ifMatch`). */
export function useUpdateObjectMetadata(bucket: string, key: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateMetadataBody) => updateObjectMetadata(bucket, key, body),
    onSuccess: (details) => {
      queryClient.setQueryData(objectDetailsQueryKey(bucket, key), details);
      // The copy has a new date (and maybe ETag) in its listing.
      return invalidateListingsOf(queryClient, bucket, [key]);
    },
  });
}
