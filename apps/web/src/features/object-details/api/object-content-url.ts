import { bucketPath } from '@stowage/shared';
import { apiUrl } from '@/lib/api-client';

/**
 * The object's bytes; `download` makes the API answer with Content-Disposition: attachment;
 * `versionId` reads that version (the current one without it). `relay`: through Stowage even
 * where the profile's downloads redirect to the store — what is read with fetch() (a cross-origin
 * redirect would need the bucket's CORS); an element's src and a download follow the redirect.
 */
export function objectContentUrl(
  bucket: string,
  key: string,
  options: { download?: boolean; versionId?: string | undefined; relay?: boolean } = {},
): string {
  return apiUrl(`${bucketPath(bucket)}/object/content`, {
    key,
    versionId: options.versionId,
    download: options.download ? '1' : undefined,
    relay: options.relay ? '1' : undefined,
  });
}
