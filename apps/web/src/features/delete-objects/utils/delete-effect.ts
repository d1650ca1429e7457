import type { BucketCapabilities } from '@stowage/shared';

/** What a delete does on this bucket: a delete marker where it versions, else gone for good. */
export function deleteEffect(versioning: BucketCapabilities['versioning'] | undefined): string {
  if (versioning === 'Enabled') {
    return 'Creates a delete marker; older versions stay (Show deleted lists it, Undelete brings it back).';
  }
  if (versioning === 'Suspended') {
    return 'Versioning is suspended: the “null” version is replaced by a delete marker (it is gone for good); older versions stay (Show deleted lists it, Undelete brings back the newest that is left).';
  }
  return 'This cannot be undone.';
}
