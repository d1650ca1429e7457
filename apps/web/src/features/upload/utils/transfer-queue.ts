import { createSpeedMeter } from './speed-meter';
import type {
  InterruptedUpload,
  NewTransfer,
  Transfer,
  TransferQueueOptions,
  TransferSnapshot,
} from './transfer-types';

export type TransferQueue = ReturnType<typeof createTransferQueue>;

/** Progress repaints at most this often; status changes show at once. */
const PROGRESS_INTERVAL_MS = 100;

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/**
 * The upload queue as a small external store (for useSyncExternalStore): at most
 * `concurrency` uploads run at once, in the order they were added; each can be cancelled
 * (aborting its request) or retried. Side effects happen in these methods, never in render.
 */
export function createTransferQueue(options: TransferQueueOptions) {
  const byId = new Map<number, Transfer>();
  const order: number[] = [];
  /** Queued ids, first in first out; entries no longer queued are skipped when taken. */
  const waiting: number[] = [];
  const controllers = new Map<number, AbortController>();
  const speeds = createSpeedMeter();
  const listeners = new Set<() => void>();
  const pausing = new Set<number>();
  let interrupted: InterruptedUpload[] = [];
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

  /** Sets a transfer's note (a line under its name) and shows it. */
  const noteOf = (id: number) => (note: string) => {
    update(id, { note });
    notify();
  };

  function notifySoon() {
    snapshot = null;
    progressTimer ??= setTimeout(notify, PROGRESS_INTERVAL_MS);
  }

  function update(id: number, patch: Partial<Transfer>) {
    const current = byId.get(id);
    if (current) byId.set(id, { ...current, ...patch });
  }

  function start(transfer: Transfer) {
    const controller = new AbortController();
    controllers.set(transfer.id, controller);
    speeds.forget(transfer.id);
    running += 1;
    const pausable = options.canPause?.(transfer) ?? false;
    update(transfer.id, {
      status: 'uploading',
      loaded: pausable ? transfer.loaded : 0,
      speed: 0,
      error: null,
    });
    const onProgress = (loaded: number) => {
      if (controller.signal.aborted) return;
      update(transfer.id, {
        loaded,
        speed: speeds.measure(transfer.id, loaded) ?? byId.get(transfer.id)?.speed ?? 0,
      });
      notifySoon();
    };
    options
      .upload(byId.get(transfer.id) ?? transfer, onProgress, controller.signal, (note) => {
        update(transfer.id, { note });
        notify();
      })
      .then(
        () => {
          update(transfer.id, { status: 'done', loaded: transfer.file.size, speed: 0 });
          const done = byId.get(transfer.id);
          if (done) options.onUploaded?.(done);
        },
        (error: unknown) => {
          if (pausing.has(transfer.id)) {
            update(transfer.id, { status: 'paused', speed: 0 });
          } else if (isAbort(error) || controller.signal.aborted) {
            update(transfer.id, { status: 'cancelled', speed: 0 });
            const cancelled = byId.get(transfer.id);
            if (pausable && cancelled) options.onCancelled?.(cancelled, noteOf(transfer.id));
          } else {
            const message = options.describeError?.(error) ?? String(error);
            // A multipart upload keeps its stored parts: Retry sends only the missing ones.
            update(transfer.id, {
              status: 'failed',
              loaded: pausable ? (byId.get(transfer.id)?.loaded ?? 0) : 0,
              speed: 0,
              error: message,
            });
          }
        },
      )
      .finally(() => {
        pausing.delete(transfer.id);
        controllers.delete(transfer.id);
        speeds.forget(transfer.id);
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
    const counts = { queued: 0, uploading: 0, paused: 0, done: 0, failed: 0, cancelled: 0 };
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
    return {
      transfers,
      counts,
      skipped,
      concurrency,
      speed,
      totalBytes,
      loadedBytes,
      interrupted,
    };
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
        byId.set(id, {
          ...item,
          id,
          status: 'queued',
          loaded: 0,
          speed: 0,
          error: null,
          note: null,
        });

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
      if (transfer?.status === 'queued' || transfer?.status === 'paused') {
        update(id, { status: 'cancelled' });
        notify();
        if (transfer.status === 'paused' || transfer.loaded > 0) {
          options.onCancelled?.(transfer, noteOf(id));
        }
      } else if (transfer?.status === 'uploading') {
        // The request's rejection marks it cancelled and starts the next one.
        controllers.get(id)?.abort();
      }
    },

    /** Stops a multipart upload, keeping the parts it sent; resume() goes on from there. */
    pause(id: number) {
      const transfer = byId.get(id);
      if (!transfer || !(options.canPause?.(transfer) ?? false)) return;
      if (transfer.status === 'queued') {
        update(id, { status: 'paused' });
        notify();
      } else if (transfer.status === 'uploading') {
        pausing.add(id);
        controllers.get(id)?.abort();
      }
    },

    resume(id: number) {
      if (byId.get(id)?.status !== 'paused') return;
      update(id, { status: 'queued', error: null });
      waiting.push(id);
      pump();
      notify();
    },

    /** The uploads an earlier page left unfinished (shown until resumed or discarded). */
    setInterrupted(list: readonly InterruptedUpload[]) {
      interrupted = [...list];
      notify();
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
      update(id, { status: 'queued', speed: 0, error: null });
      waiting.push(id);
      pump();
      notify();
    },

    retryFailed() {
      for (const id of order) {
        if (byId.get(id)?.status !== 'failed') continue;
        update(id, { status: 'queued', speed: 0, error: null });
        waiting.push(id);
      }
      pump();
      notify();
    },

    /** Forgets every finished transfer (done, failed, cancelled) and the skipped count. */
    clearFinished() {
      const kept = order.filter((id) => {
        const status = byId.get(id)?.status;
        if (status === 'queued' || status === 'uploading' || status === 'paused') return true;
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
