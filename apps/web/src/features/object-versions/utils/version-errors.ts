import { errorMessage, hasCode } from '@/lib/api-client';

/**
 * What went wrong with a version, in a sentence: the API's codes for versions (and the
 * store's refusals) as the panel and the listing say them; anything else as the API said it.
 */
export function versionErrorMessage(error: unknown): string {
  if (hasCode(error, 'VersioningUnsupported')) return 'This store does not keep versions.';
  if (hasCode(error, 'NoSuchVersion')) {
    return 'This version no longer exists: it may have been deleted meanwhile. The list has been refreshed.';
  }
  if (hasCode(error, 'NotDeleted')) {
    return 'This object is not deleted (its current version is not a delete marker): there is nothing to undelete.';
  }
  if (hasCode(error, 'NoSuchKey')) return 'The store keeps no version of this object any more.';
  if (hasCode(error, 'StoreRefused')) {
    return 'The store refused: these credentials may not do this with versions.';
  }
  return errorMessage(error);
}
