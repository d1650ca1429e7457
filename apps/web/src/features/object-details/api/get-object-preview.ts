import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import { objectContentUrl } from './object-content-url';

/** Text previews read at most this many bytes (one Range request). */
export const PREVIEW_BYTES = 256 * 1024;

export type TextPreview = { text: string; truncated: boolean; binary: boolean };

/** The first PREVIEW_BYTES of an object (or of one version of it), decoded as UTF-8. */
export async function getObjectPreview(
  bucket: string,
  key: string,
  size: number,
  signal?: AbortSignal,
  versionId?: string,
): Promise<TextPreview> {
  // S3 answers 416 to any Range on an empty object, so do not ask.
  if (size === 0) return { text: '', truncated: false, binary: false };
  const res = await apiFetch(objectContentUrl(bucket, key, { versionId, relay: true }), {
    signal: signal ?? null,
    headers: { Range: `bytes=0-${String(PREVIEW_BYTES - 1)}` },
  });
  // Read no further than PREVIEW_BYTES even if the server ignored the Range header.
  const bytes = new Uint8Array(PREVIEW_BYTES);
  let length = 0;
  const reader = res.body?.getReader();
  while (reader && length < PREVIEW_BYTES) {
    const { done, value } = await reader.read();
    if (done) break;
    const chunk = value.subarray(0, PREVIEW_BYTES - length);
    bytes.set(chunk, length);
    length += chunk.length;
  }
  await reader?.cancel().catch(() => undefined);
  const head = bytes.subarray(0, length);
  // `stream: true` holds back a multi-byte character cut in half by the range.
  const text = new TextDecoder('utf-8').decode(head, { stream: true });
  return { text, truncated: size > length, binary: head.includes(0) };
}

export function getObjectPreviewQueryOptions(
  bucket: string,
  key: string,
  size: number,
  etag: string | null,
  versionId?: string,
) {
  return queryOptions({
    // The ETag changes when the content does; a version's content never changes.
    queryKey: [...queryKeys.object(bucket, key), 'preview', versionId ?? etag] as const,
    queryFn: ({ signal }) => getObjectPreview(bucket, key, size, signal, versionId),
    staleTime: 5 * 60_000,
  });
}

export function useObjectPreview(
  bucket: string,
  key: string,
  size: number,
  etag: string | null,
  versionId?: string,
) {
  return useQuery(getObjectPreviewQueryOptions(bucket, key, size, etag, versionId));
}
