import type { QueryClient } from '@tanstack/react-query';
import type { BucketCapabilities } from '@stowage/shared';
import type { DeleteOutcome } from '@/features/delete-objects/components/delete-dialog';
import { notify } from '@/lib/notify';
import { formatCount } from '@/utils/format';

/** The keys a delete named one by one (a folder's are not known here: no Undo for those). */
function namedKeys({ target }: DeleteOutcome): readonly string[] {
  if (target.kind === 'objects') return target.keys;
  if (target.kind === 'items' && target.prefixes.length === 0) return target.keys;
  return [];
}

/**
 * "Deleted 3 objects" as a toast once a delete went through whole, with Undo on a bucket whose
 * versioning is on: Undo removes the delete markers the delete made (the undelete route).
 */
export function toastDeleted(
  queryClient: QueryClient,
  bucket: string,
  outcome: DeleteOutcome,
  versioning: BucketCapabilities['versioning'] | undefined,
): void {
  if (outcome.failedKeys.length > 0) return;
  const deleted = outcome.deleted ?? 0;
  const keys = namedKeys(outcome);
  const undo =
    versioning === 'Enabled' && keys.length > 0
      ? {
          label: 'Undo',
          onClick: () => {
            void import('@/features/object-versions/api/undelete-object')
              .then(({ undeleteKeys }) => undeleteKeys(queryClient, bucket, keys))
              .catch(() => ({ error: true, text: 'The undo could not start: reload the page.' }))
              .then(({ error, text }) => {
                notify(text, { tone: error ? 'error' : 'success' });
              });
          },
        }
      : undefined;
  notify(
    `Deleted ${formatCount(deleted)} ${deleted === 1 ? 'object' : 'objects'}`,
    undo ? { action: undo } : {},
  );
}
