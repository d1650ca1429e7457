/**
 * The bytes of upload parts the whole process may hold at once. Each streamed upload holds a
 * few parts in memory (store/s3-upload.ts: one per slot plus the one filling), so without a shared
 * limit memory grows with the number of concurrent uploads (measured: 32 × 32 MiB uploads took
 * the API to 999 MiB). An upload first reserves what it may hold, at most its share of the
 * budget whatever size it declares (store/s3-upload.ts uploadPlan); when the budget is spent
 * it waits, its request unread (TCP holds the client back), and uploads start in arrival order.
 */
export class BufferBudget {
  private used = 0;
  private readonly queue: { bytes: number; grant: () => void }[] = [];

  constructor(readonly totalBytes: number) {}

  /**
   * Waits until `bytes` (at most the whole budget) are free and reserves them. Resolves to the
   * release function; rejects with the signal's reason if it aborts first (nothing reserved).
   */
  reserve(bytes: number, signal?: AbortSignal): Promise<() => void> {
    const want = Math.min(bytes, this.totalBytes);
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason as Error);
      const entry = {
        bytes: want,
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          this.used += want;
          let released = false;
          resolve(() => {
            if (released) return;
            released = true;
            this.used -= want;
            this.grantWaiting();
          });
        },
      };
      const onAbort = () => {
        const i = this.queue.indexOf(entry);
        if (i >= 0) this.queue.splice(i, 1);
        reject(signal?.reason as Error);
        this.grantWaiting();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(entry);
      this.grantWaiting();
    });
  }

  /**
   * Reserves `bytes` only if they are free now and nobody waits (a download's read-ahead,
   * store/s3-parallel-read.ts: it does without rather than wait or make an upload wait).
   */
  tryReserve(bytes: number): (() => void) | undefined {
    if (this.queue.length > 0 || this.used + bytes > this.totalBytes) return undefined;
    this.used += bytes;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.used -= bytes;
      this.grantWaiting();
    };
  }

  /** Bytes reserved right now (for tests and the log). */
  get reservedBytes(): number {
    return this.used;
  }

  /** Reservations waiting for their turn (for tests and the log). */
  get waiting(): number {
    return this.queue.length;
  }

  /** Grants waiting reservations in order while the first one fits. */
  private grantWaiting(): void {
    while (this.queue.length > 0 && this.used + this.queue[0]!.bytes <= this.totalBytes) {
      this.queue.shift()!.grant();
    }
  }
}
