import { useMutation, useQueryClient } from '@tanstack/react-query';
import { bucketPath, TEXT_EDIT_MAX_BYTES, type ObjectDetails } from '@stowage/shared';
import { ApiRequestError, apiFetch, apiUrl } from '@/lib/api-client';
import { invalidateListingsOf } from '@/lib/invalidate-objects';
import { queryKeys } from '@/lib/query-keys';
import { objectDetailsQueryKey } from './get-object-details';
import { objectContentUrl } from './object-content-url';

/** The text to edit and the ETag it was read with (the save's precondition). */
export type LoadedText = { text: string; etag: string | null };

/**
 * The whole object as UTF-8 text, with the ETag of the bytes read (the answer's own, not the
 * details' which may be older). No Range: an empty object reads as "" (a Range would be 416).
 */
export async function loadObjectText(
  bucket: string,
  details: ObjectDetails,
  signal?: AbortSignal,
): Promise<LoadedText> {
  const res = await apiFetch(objectContentUrl(bucket, details.key, { relay: true }), {
    signal: signal ?? null,
  });
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes.length > TEXT_EDIT_MAX_BYTES) {
    throw new ApiRequestError(413, 'The object grew past the size that can be edited here.');
  }
  return {
    text: new TextDecoder('utf-8').decode(bytes),
    etag: res.headers.get('etag') ?? details.etag,
  };
}

/** PUT the text with If-Match: 409 ObjectChanged when the object changed since it was read. */
export function saveObjectText(
  bucket: string,
  key: string,
  text: string,
  etag: string,
): Promise<ObjectDetails> {
  return apiFetch(apiUrl(`${bucketPath(bucket)}/object/content`, { key }), {
    method: 'PUT',
    headers: {
      Accept: 'application/json',
      'Content-Type': 'text/plain; charset=utf-8',
      'If-Match': etag,
    },
    body: text,
  }).then((res) => res.json() as Promise<ObjectDetails>);
}

export function useSaveObjectText(bucket: string, key: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ text, etag }: { text: string; etag: string }) =>
      saveObjectText(bucket, key, text, etag),
    onSuccess: async (details) => {
      queryClient.setQueryData(objectDetailsQueryKey(bucket, key), details);
      // The preview is keyed by ETag (a new one is read); the listing has a new size and date.
      await queryClient.invalidateQueries({ queryKey: queryKeys.object(bucket, key) });
      await invalidateListingsOf(queryClient, bucket, [key]);
    },
  });
}
