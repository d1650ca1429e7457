import type { Metadata } from '@stowage/shared';

export type TransferStatus = 'queued' | 'uploading' | 'done' | 'failed' | 'cancelled';

export type Transfer = {
  readonly id: number;
  readonly bucket: string;
  readonly key: string;
  readonly file: File;
  readonly contentType: string;
  readonly metadata: Metadata | undefined;
  readonly status: TransferStatus;
  /** File bytes sent so far. */
  readonly loaded: number;
  /** Bytes per second over the last few seconds, while uploading. */
  readonly speed: number;
  readonly error: string | null;
};

export type NewTransfer = Pick<Transfer, 'bucket' | 'key' | 'file' | 'contentType' | 'metadata'>;

export type TransferSnapshot = {
  readonly transfers: readonly Transfer[];
  readonly counts: Readonly<Record<TransferStatus, number>>;
  /** Files left out of a batch because they existed already ("skip"). */
  readonly skipped: number;
  readonly concurrency: number;
  readonly speed: number;
  readonly totalBytes: number;
  readonly loadedBytes: number;
};

type UploadFn = (
  transfer: Transfer,
  onProgress: (loaded: number) => void,
  signal: AbortSignal,
) => Promise<unknown>;

type QueueOptions = {
  upload: UploadFn;
  onUploaded?: (transfer: Transfer) => void;
  concurrency: number;
  /** How a failure is shown; aborts never get here. */
  describeError?: (error: unknown) => string;
};

export type TransferQueue = ReturnType<typeof createTransferQueue>;

/** Progress repaints at most this often; status changes show at once. */
const PROGRESS_INTERVAL_MS = 100;
/** Speed is measured over this window. */
const SPEED_WINDOW_MS = 3000;

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/**
 * The upload queue as a small external store (for useSyncExternalStore): at most
 * `concurrency` uploads run at once, in the order they were added; each can be cancelled
 * (aborting its request) or retried. Side effects happen in these methods, never in render.
 */
export function createTransferQueue(options: QueueOptions) {
  const byId = new Map<number, Transfer>();
  const order: number[] = [];
  /** Queued ids, first in first out; entries no longer queued are skipped when taken. */
  const waiting: number[] = [];
  const controllers = new Map<number, AbortController>();
  const samples = new Map<number, { time: number; loaded: number }[]>();
  const listeners = new Set<() => void>();
  let nextId = 1;
  let skipped = 0;
  let concurrency = options.concurrency;
  let running = 0;
  let snapshot: TransferSnapshot | null = null;
  let progressTimer: ReturnType<typeof setTimeout> | null = null;

  function notify() {
    snapshot = null;
    if (progressTimer !== null) {
      clearTimeout(progressTimer);
      progressTimer = null;
    }
    for (const listener of listeners) listener();
  }

  function notifySoon() {
    snapshot = null;
    progressTimer ??= setTimeout(notify, PROGRESS_INTERVAL_MS);
  }

  function update(id: number, patch: Partial<Transfer>) {
    const current = byId.get(id);
    if (current) byId.set(id, { ...current, ...patch });
  }

  function measure(id: number, loaded: number): number {
    const now = performance.now();
    const list = samples.get(id) ?? [];
    list.push({ time: now, loaded });
    while (list.length > 2 && now - (list[0]?.time ?? now) > SPEED_WINDOW_MS) list.shift();
    samples.set(id, list);
    const first = list[0];
    if (!first || now - first.time < 200) return byId.get(id)?.speed ?? 0;
    return ((loaded - first.loaded) * 1000) / (now - first.time);
  }

  function start(transfer: Transfer) {
    const controller = new AbortController();
    controllers.set(transfer.id, controller);
    samples.delete(transfer.id);
    running += 1;
    update(transfer.id, { status: 'uploading', loaded: 0, speed: 0, error: null });
    const onProgress = (loaded: number) => {
      if (controller.signal.aborted) return;
      update(transfer.id, { loaded, speed: measure(transfer.id, loaded) });
      notifySoon();
    };
    options
      .upload(byId.get(transfer.id) ?? transfer, onProgress, controller.signal)
      .then(
        () => {
          update(transfer.id, { status: 'done', loaded: transfer.file.size, speed: 0 });
          const done = byId.get(transfer.id);
          if (done) options.onUploaded?.(done);
        },
        (error: unknown) => {
          if (isAbort(error) || controller.signal.aborted) {
            update(transfer.id, { status: 'cancelled', speed: 0 });
          } else {
            const message = options.describeError?.(error) ?? String(error);
            update(transfer.id, { status: 'failed', loaded: 0, speed: 0, error: message });
          }
        },
      )
      .finally(() => {
        controllers.delete(transfer.id);
        samples.delete(transfer.id);
        running -= 1;
        pump();
        notify();
      });
  }

  function pump() {
    while (running < concurrency && waiting.length > 0) {
      const id = waiting.shift();
      const transfer = id === undefined ? undefined : byId.get(id);
      if (transfer?.status === 'queued') start(transfer);
    }
  }

  function buildSnapshot(): TransferSnapshot {
    const transfers = order.flatMap((id) => byId.get(id) ?? []);
    const counts = { queued: 0, uploading: 0, done: 0, failed: 0, cancelled: 0 };
    let speed = 0;
    let totalBytes = 0;
    let loadedBytes = 0;
    for (const t of transfers) {
      counts[t.status] += 1;
      if (t.status === 'uploading') speed += t.speed;
      if (t.status !== 'cancelled') {
        totalBytes += t.file.size;
        loadedBytes += t.status === 'failed' ? 0 : t.loaded;
      }
    }
    return { transfers, counts, skipped, concurrency, speed, totalBytes, loadedBytes };
  }

  return {
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    getSnapshot(): TransferSnapshot {
      snapshot ??= buildSnapshot();
      return snapshot;
    },

    /** Uploads or queued uploads that leaving the page would lose. */
    isActive(): boolean {
      return running > 0 || waiting.some((id) => byId.get(id)?.status === 'queued');
    },

    add(items: readonly NewTransfer[]) {
      for (const item of items) {
        const id = nextId++;
        byId.set(id, { ...item, id, status: 'queued', loaded: 0, speed: 0, error: null });
        order.push(id);
        waiting.push(id);
      }
      pump();
      notify();
    },

    recordSkipped(count: number) {
      skipped += count;
      notify();
    },

    cancel(id: number) {
      const transfer = byId.get(id);
      if (transfer?.status === 'queued') {
        update(id, { status: 'cancelled' });
        notify();
      } else if (transfer?.status === 'uploading') {
        // The request's rejection marks it cancelled and starts the next one.
        controllers.get(id)?.abort();
      }
    },

    cancelAll() {
      for (const id of order) {
        if (byId.get(id)?.status === 'queued') update(id, { status: 'cancelled' });
      }
      for (const controller of controllers.values()) controller.abort();
      notify();
    },

    retry(id: number) {
      const transfer = byId.get(id);
      if (transfer?.status !== 'failed' && transfer?.status !== 'cancelled') return;
      update(id, { status: 'queued', loaded: 0, speed: 0, error: null });
      waiting.push(id);
      pump();
      notify();
    },

    retryFailed() {
      for (const id of order) {
        if (byId.get(id)?.status !== 'failed') continue;
        update(id, { status: 'queued', loaded: 0, speed: 0, error: null });
        waiting.push(id);
      }
      pump();
      notify();
    },

    /** Forgets every finished transfer (done, failed, cancelled) and the skipped count. */
    clearFinished() {
      const kept = order.filter((id) => {
        const status = byId.get(id)?.status;
        if (status === 'queued' || status === 'uploading') return true;
        byId.delete(id);
        return false;
      });
      order.length = 0;
      order.push(...kept);
      skipped = 0;
      notify();
    },

    setConcurrency(value: number) {
      concurrency = Math.max(1, Math.floor(value));
      pump();
      notify();
    },
  };
}
