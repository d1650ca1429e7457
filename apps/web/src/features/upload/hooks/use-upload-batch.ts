import { useCallback, useState } from 'react';
import { errorMessage } from '@/lib/api-client';
import { getExistingKeys } from '../api/get-existing-keys';
import {
  prepareBatch,
  type Conflict,
  type ConflictChoice,
  type UploadOptions,
} from '../utils/prepare-batch';
import type { TransferQueue } from '../utils/transfer-queue';

export type PendingConflict = Conflict & {
  prefix: string;
  resolve: (choice: ConflictChoice | null) => void;
};

/**
 * Turns picked or dropped files into queued transfers (see prepareBatch), holding the state
 * the UI shows meanwhile: how many files are being checked, the open conflict question, and
 * a batch that failed before queueing.
 */
export function useUploadBatch(queue: TransferQueue, options: UploadOptions) {
  const [conflict, setConflict] = useState<PendingConflict | null>(null);
  const [checking, setChecking] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const startUpload = useCallback(
    async (bucket: string, prefix: string, files: readonly File[]) => {
      if (files.length === 0) return;
      setError(null);
      setChecking((n) => n + files.length);
      // The check ends when the question is asked: "Checking…" must not stay beside it.
      let checked = false;
      const doneChecking = () => {
        if (checked) return;
        checked = true;
        setChecking((n) => n - files.length);
      };
      try {
        const batch = await prepareBatch({
          bucket,
          prefix,
          files,
          options,
          existingKeys: getExistingKeys,
          askConflict: (found) =>
            new Promise<ConflictChoice | null>((resolve) => {
              doneChecking();
              setConflict({
                ...found,
                prefix,
                resolve: (choice) => {
                  setConflict(null);
                  resolve(choice);
                },
              });
            }),
        });
        if (batch === null) return;
        if (batch.skipped > 0) queue.recordSkipped(batch.skipped);
        if (batch.items.length > 0) queue.add(batch.items);
      } catch (err) {
        setError(`Could not start the upload: ${errorMessage(err)}`);
      } finally {
        doneChecking();
      }
    },
    [queue, options],
  );

  const dismissError = useCallback(() => {
    setError(null);
  }, []);

  return { startUpload, conflict, checking, error, dismissError };
}
