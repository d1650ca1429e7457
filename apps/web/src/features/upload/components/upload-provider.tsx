import { lazy, Suspense, useMemo, useState, type ComponentType, type ReactNode } from 'react';
import { useTransferQueue } from '../hooks/use-transfer-queue';
import { UploadContext, useHasTransfers, type UploadContextValue } from '../hooks/use-upload';
import { useUploadBatch } from '../hooks/use-upload-batch';
import type { UploadOptions } from '../utils/prepare-batch';

// The overwrite question loads when a batch first asks it, not with the first screen.
const ConflictDialog = lazy(() =>
  import('./conflict-dialog').then((m) => ({ default: m.ConflictDialog })),
);

const TransferPanel = lazy(() =>
  import('./transfer-panel').then((m) => ({ default: m.TransferPanel })),
);

/**
 * Holds the app's upload queue, so transfers go on while the user browses elsewhere, and
 * shows what belongs to no page: the overwrite question and the transfer panel.
 */
/** Notes about the buckets being uploaded to (what the store cannot do), composed by the app. */
export type TransferNotesComponent = ComponentType<{ buckets: readonly string[] }>;

type UploadProviderProps = { children: ReactNode; notes?: TransferNotesComponent };

export function UploadProvider({ children, notes }: UploadProviderProps) {
  const queue = useTransferQueue();
  const [options, setOptions] = useState<UploadOptions>({});
  const batch = useUploadBatch(queue, options);
  const { startUpload, checking, error, dismissError, conflict } = batch;

  const value = useMemo<UploadContextValue>(
    () => ({ queue, startUpload, checking, error, dismissError, options, setOptions }),
    [queue, startUpload, checking, error, dismissError, options],
  );

  return (
    <UploadContext value={value}>
      {children}
      {conflict ? (
        <Suspense fallback={null}>
          <ConflictDialog conflict={conflict} />
        </Suspense>
      ) : null}
      <TransfersSlot notes={notes} />
    </UploadContext>
  );
}

/** The panel's code loads with the first transfer. */
function TransfersSlot({ notes }: { notes: TransferNotesComponent | undefined }) {
  if (!useHasTransfers()) return null;
  return (
    <Suspense fallback={null}>
      <TransferPanel notes={notes} />
    </Suspense>
  );
}
