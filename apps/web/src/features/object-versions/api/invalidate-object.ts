import type { QueryClient } from '@tanstack/react-query';
import { invalidateWrittenObjects } from '@/lib/invalidate-objects';

/**
 * After a restore, a permanent delete or an undelete: the key's versions, details, preview and
 * tags (all under the object's query key) and the listings that show it (with and without
 * deleted keys) are stale.
 */
export function invalidateObjectHistory(
  queryClient: QueryClient,
  bucket: string,
  key: string,
): Promise<void> {
  return invalidateWrittenObjects(queryClient, bucket, [key]);
}
