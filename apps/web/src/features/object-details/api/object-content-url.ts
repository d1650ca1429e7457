import { bucketPath } from '@stowage/shared';
import { apiUrl } from '@/lib/api-client';

/**
 * The object's bytes; `download` makes the API answer with Content-Disposition: attachment;
 * `versionId` reads that version (the current one without it).
 */
export function objectContentUrl(
  bucket: string,
  key: string,
  options: { download?: boolean; versionId?: string | undefined } = {},
): string {
  return apiUrl(`${bucketPath(bucket)}/object/content`, {
    key,
    versionId: options.versionId,
    download: options.download ? '1' : undefined,
  });
}
