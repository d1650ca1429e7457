import type { QueryClient } from '@tanstack/react-query';
import { bucketPath, type RestoreVersionResponse } from '@stowage/shared';
import { apiPost, apiUrl } from '@/lib/api-client';
import { invalidateWrittenObjects } from '@/lib/invalidate-objects';
import { versionErrorMessage } from '../utils/version-errors';

/** `POST …/object/undelete?key`: the delete markers above the newest version go. */
export function undeleteObject(bucket: string, key: string): Promise<RestoreVersionResponse> {
  return apiPost<RestoreVersionResponse>(
    apiUrl(`${bucketPath(bucket)}/object/undelete`, { key }),
    undefined,
  );
}

/** What an undelete of some keys did, as the page says it. */
export type UndeleteOutcome = { error: boolean; text: string };

/**
 * Undeletes keys one by one (a row, or a selection of deleted rows), then refreshes their
 * listings, details and versions; says what happened, the first failure by name. Loaded on
 * first use (the listing imports it when a user undeletes).
 */
export async function undeleteKeys(
  queryClient: QueryClient,
  bucket: string,
  keys: readonly string[],
): Promise<UndeleteOutcome> {
  const undeleted: string[] = [];
  const failed: { key: string; error: unknown }[] = [];
  for (const key of keys) {
    try {
      await undeleteObject(bucket, key);
      undeleted.push(key);
    } catch (error) {
      failed.push({ key, error });
    }
  }
  await invalidateWrittenObjects(queryClient, bucket, keys);
  const [first] = failed;
  if (first) {
    const of =
      keys.length === 1 ? '' : ` (${String(failed.length)} of ${String(keys.length)} failed)`;
    return {
      error: true,
      text: `Could not undelete ${first.key}${of}: ${versionErrorMessage(first.error)}`,
    };
  }
  const [only] = undeleted;
  return {
    error: false,
    text:
      undeleted.length === 1 && only !== undefined
        ? `Undeleted ${only}.`
        : `Undeleted ${String(undeleted.length)} objects.`,
  };
}
