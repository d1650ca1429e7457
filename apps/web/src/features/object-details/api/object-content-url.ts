import { bucketPath } from '@stowage/shared';
import { apiUrl } from '@/lib/api-client';

/** The object's bytes; `download` makes the API answer with Content-Disposition: attachment. */
export function objectContentUrl(
  bucket: string,
  key: string,
  options: { download?: boolean } = {},
): string {
  return apiUrl(`${bucketPath(bucket)}/object/content`, {
    key,
    download: options.download ? '1' : undefined,
  });
}
