import type { ListObjectsQuery, ListObjectsResponse } from '@stowage/shared';
import type { S3Context } from './s3-context.js';

/**
 * A folder page with its deleted keys (`deleted=true`): one ListObjectVersions page
 * (listVersionPage in s3-versions.ts) read as a listing. TODO(issue 19): implemented by the
 * deleted-listing work; until then the plain listing is answered.
 */
export async function listWithDeleted(
  _ctx: S3Context,
  _bucket: string,
  _query: ListObjectsQuery,
  plain: () => Promise<ListObjectsResponse>,
): Promise<ListObjectsResponse> {
  return plain();
}
