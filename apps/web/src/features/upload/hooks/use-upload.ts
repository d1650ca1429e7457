import { createContext, useContext, useSyncExternalStore } from 'react';
import type { UploadOptions } from '../utils/prepare-batch';
import type { TransferQueue } from '../utils/transfer-queue';
import type { TransferSnapshot } from '../utils/transfer-types';

export type UploadContextValue = {
  queue: TransferQueue;
  startUpload: (bucket: string, prefix: string, files: readonly File[]) => Promise<void>;
  /** Files whose keys are being checked before they are queued. */
  checking: number;
  error: string | null;
  dismissError: () => void;
  options: UploadOptions;
  setOptions: (options: UploadOptions) => void;
};

export const UploadContext = createContext<UploadContextValue | null>(null);

/** The upload actions and state; needs UploadProvider above. */
export function useUpload(): UploadContextValue {
  const value = useContext(UploadContext);
  if (!value) throw new Error('useUpload needs an UploadProvider');
  return value;
}

/** The transfer list, re-rendering as it progresses. */
export function useTransfers(): TransferSnapshot {
  const { queue } = useUpload();
  return useSyncExternalStore(queue.subscribe, queue.getSnapshot);
}

/** True while the panel has something to show; re-renders only when that changes. */
export function useHasTransfers(): boolean {
  const { queue } = useUpload();
  return useSyncExternalStore(queue.subscribe, () => {
    const { transfers, skipped, interrupted } = queue.getSnapshot();
    return transfers.length > 0 || skipped > 0 || interrupted.length > 0;
  });
}
