import { bucketPath } from '@stowage/shared';
import { apiUrl } from '@/lib/api-client';

/** One version's bytes as a download (Content-Disposition: attachment). */
export function versionDownloadUrl(bucket: string, key: string, versionId: string): string {
  return apiUrl(`${bucketPath(bucket)}/object/content`, { key, versionId, download: '1' });
}
