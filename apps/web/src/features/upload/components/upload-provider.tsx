import { lazy, Suspense, useMemo, useState, type ReactNode } from 'react';
import { useTransferQueue } from '../hooks/use-transfer-queue';
import { UploadContext, useHasTransfers, type UploadContextValue } from '../hooks/use-upload';
import { useUploadBatch } from '../hooks/use-upload-batch';
import type { UploadOptions } from '../utils/prepare-batch';
import { ConflictDialog } from './conflict-dialog';

const TransferPanel = lazy(() =>
  import('./transfer-panel').then((m) => ({ default: m.TransferPanel })),
);

/**
 * Holds the app's upload queue, so transfers go on while the user browses elsewhere, and
 * shows what belongs to no page: the overwrite question and the transfer panel.
 */
export function UploadProvider({ children }: { children: ReactNode }) {
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
      {conflict ? <ConflictDialog conflict={conflict} /> : null}
      <TransfersSlot />
    </UploadContext>
  );
}

/** The panel's code loads with the first transfer. */
function TransfersSlot() {
  if (!useHasTransfers()) return null;
  return (
    <Suspense fallback={null}>
      <TransferPanel />
    </Suspense>
  );
}
