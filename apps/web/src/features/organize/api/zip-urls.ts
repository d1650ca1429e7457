import { bucketPath } from '@stowage/shared';
import { apiUrl } from '@/lib/api-client';

/** `GET`: a folder as one zip, downloaded by a plain link (no zod here: the listing uses it). */
export function folderZipUrl(bucket: string, prefix: string): string {
  return apiUrl(`${bucketPath(bucket)}/zip`, { prefix });
}
