import { useEffect, useState, useSyncExternalStore } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { MULTIPART_THRESHOLD } from '@stowage/shared';
import { errorMessage } from '@/lib/api-client';
import { invalidateWrittenObjects } from '@/lib/invalidate-objects';
import { uploadObject } from '../api/upload-object';
import { createTransferQueue, type TransferQueue } from '../utils/transfer-queue';
import type { Transfer } from '../utils/transfer-types';

const CONCURRENCY_STORAGE_KEY = 'stowage.upload.concurrency';
export const DEFAULT_CONCURRENCY = 4;
export const MAX_CONCURRENCY = 10;
/** Listings refetch at most this often while a batch finishes file after file. */
const INVALIDATE_INTERVAL_MS = 1000;

export function readConcurrency(): number {
  try {
    const stored = Number(localStorage.getItem(CONCURRENCY_STORAGE_KEY));
    if (Number.isInteger(stored) && stored >= 1 && stored <= MAX_CONCURRENCY) return stored;
  } catch {
    // Storage disabled: use the default.
  }
  return DEFAULT_CONCURRENCY;
}

export function storeConcurrency(value: number): void {
  try {
    localStorage.setItem(CONCURRENCY_STORAGE_KEY, String(value));
  } catch {
    // Storage disabled: the setting lasts for this page only.
  }
}

/**
 * Collects uploaded keys and refreshes their listings and details at most once a second.
 * While uploads go on, a refetch in flight is left to finish (a 100-page listing could
 * otherwise restart for ever); once the queue is idle the last refresh wins.
 */
function createInvalidator(queryClient: QueryClient, isIdle: () => boolean) {
  const pending = new Map<string, Set<string>>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastFlush = 0;
  const flush = () => {
    timer = null;
    lastFlush = Date.now();
    const options = { cancelRefetch: isIdle() };
    for (const [bucket, keys] of pending) {
      void invalidateWrittenObjects(queryClient, bucket, [...keys], options);
    }
    pending.clear();
  };
  return (transfer: Transfer) => {
    const keys = pending.get(transfer.bucket) ?? new Set<string>();
    keys.add(transfer.key);
    pending.set(transfer.bucket, keys);
    timer ??= setTimeout(flush, Math.max(0, lastFlush + INVALIDATE_INTERVAL_MS - Date.now()));
  };
}

/** Files above the threshold go up as multipart uploads (their code loads with the first). */
export const isMultipart = (file: Blob) => file.size > MULTIPART_THRESHOLD;

/** The multipart code: a lazy chunk, loaded with the first big file (or a Discard). */
const loadMultipart = () => import('../multipart/queue-glue');

function createQueue(queryClient: QueryClient): TransferQueue {
  const queue: TransferQueue = createTransferQueue({
    concurrency: readConcurrency(),
    describeError: errorMessage,
    canPause: (transfer) => isMultipart(transfer.file),
    onCancelled: (transfer, setNote) => {
      void loadMultipart().then((m) => m.forgetTransfer(transfer, setNote, errorMessage));
    },
    // Asked when the (timer-delayed) flush runs, after the last transfer has settled.
    onUploaded: createInvalidator(queryClient, () => !queue.isActive()),
    upload: (transfer, onProgress, signal, setNote) =>
      isMultipart(transfer.file)
        ? loadMultipart().then((m) => m.uploadBig(queue, transfer, onProgress, signal, setNote))
        : uploadObject({
            bucket: transfer.bucket,
            key: transfer.key,
            file: transfer.file,
            contentType: transfer.contentType,
            metadata: transfer.metadata,
            signal,
            // The request also carries the multipart envelope: report file bytes.
            onProgress: ({ loaded, total }) => {
              const size = transfer.file.size;
              onProgress(total > 0 ? Math.min(size, Math.round((loaded / total) * size)) : 0);
            },
          }),
  });
  return queue;
}

/**
 * The app's one upload queue (see createTransferQueue): uploads survive moving between
 * folders and buckets, refresh what they change, and leaving the page while they run asks
 * first. Mount once (UploadProvider); components read it with useTransfers().
 */
export function useTransferQueue(): TransferQueue {
  const queryClient = useQueryClient();
  const [queue] = useState(() => createQueue(queryClient));
  useEffect(() => {
    if (typeof indexedDB === 'undefined') return;
    void import('../multipart/resume-store').then(async ({ readInterrupted }) => {
      const list = await readInterrupted();
      if (list.length > 0) queue.setInterrupted(list);
    });
  }, [queue]);
  const active = useSyncExternalStore(queue.subscribe, () => {
    const { counts } = queue.getSnapshot();
    return counts.queued + counts.uploading > 0;
  });

  useEffect(() => {
    if (!active) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers need returnValue set to show the prompt.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [active]);

  return queue;
}
