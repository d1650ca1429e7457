import { lazy, Suspense } from 'react';
import type { BucketCapabilities } from '@stowage/shared';
import type { KeyRange } from '@/utils/key-range';
import type { DeleteOutcome, DeleteTarget } from './delete-dialog';

// Loaded on first use, with the shared delete schema (and so zod) it needs.
const DeleteDialog = lazy(() =>
  import('./delete-dialog').then((m) => ({
    default: m.DeleteDialog,
  })),
);

// A windowed listing's range delete, on first use.
const RangeDeleteDialog = lazy(() =>
  import('./range-delete-dialog').then((m) => ({
    default: m.RangeDeleteDialog,
  })),
);

type DeleteDialogsProps = {
  bucket: string;
  /** The keys, items or folder being deleted, if any. */
  deleting: DeleteTarget | null;
  /** The windowed listing's key range being deleted, if any. */
  deletingRange: KeyRange | null;
  versioning?: BucketCapabilities['versioning'] | undefined;
  onCloseDelete: () => void;
  onCloseRange: () => void;
  onDeleted: (outcome: DeleteOutcome) => void;
};

/** A bucket page's delete dialogs (keys, items or a folder; a key range), each loaded on first use. */
export function DeleteDialogs({
  bucket,
  deleting,
  deletingRange,
  versioning,
  onCloseDelete,
  onCloseRange,
  onDeleted,
}: DeleteDialogsProps) {
  return (
    <>
      {deleting ? (
        <Suspense fallback={null}>
          <DeleteDialog
            bucket={bucket}
            target={deleting}
            versioning={versioning}
            onClose={onCloseDelete}
            onDeleted={onDeleted}
          />
        </Suspense>
      ) : null}
      {deletingRange ? (
        <Suspense fallback={null}>
          <RangeDeleteDialog
            bucket={bucket}
            range={deletingRange}
            versioning={versioning}
            onClose={onCloseRange}
          />
        </Suspense>
      ) : null}
    </>
  );
}
