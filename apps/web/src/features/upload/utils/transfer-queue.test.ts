import { describe, expect, it } from 'vitest';
import { createTransferQueue } from './transfer-queue';
import type { NewTransfer, Transfer } from './transfer-types';

type Pending = {
  transfer: Transfer;
  resolve: () => void;
  reject: (e: unknown) => void;
  signal: AbortSignal;
};

function setup(concurrency = 2) {
  const pending: Pending[] = [];
  const uploaded: string[] = [];
  const cancelled: string[] = [];
  const queue = createTransferQueue({
    concurrency,
    // Keys starting with "big" stand for multipart transfers.
    canPause: (t) => t.key.startsWith('big'),
    onCancelled: (t) => cancelled.push(t.key),
    describeError: (e) => String(e),
    onUploaded: (t) => uploaded.push(t.key),
    upload: (transfer, _onProgress, signal) =>
      new Promise((resolve, reject) => {
        signal.addEventListener('abort', () => {
          reject(new DOMException('aborted', 'AbortError'));
        });
        pending.push({ transfer, resolve: () => resolve(undefined), reject, signal });
      }),
  });
  return { queue, pending, uploaded, cancelled };
}

const item = (key: string): NewTransfer => ({
  bucket: 'b',
  key,
  file: new File(['abc'], key),
  contentType: 'text/plain',
  metadata: undefined,
});

const statuses = (queue: ReturnType<typeof setup>['queue']) =>
  queue.getSnapshot().transfers.map((t) => `${t.key}:${t.status}`);

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createTransferQueue', () => {
  it('runs at most `concurrency` uploads, in order', async () => {
    const { queue, pending, uploaded } = setup(2);
    queue.add(['a', 'b', 'c'].map(item));
    expect(statuses(queue)).toEqual(['a:uploading', 'b:uploading', 'c:queued']);
    pending[0]?.resolve();
    await settle();
    expect(statuses(queue)).toEqual(['a:done', 'b:uploading', 'c:uploading']);
    expect(uploaded).toEqual(['a']);
    expect(queue.isActive()).toBe(true);
  });

  it('cancels queued and running transfers, and retries them', async () => {
    const { queue, pending } = setup(1);
    queue.add(['a', 'b'].map(item));
    queue.cancel(2);
    queue.cancel(1);
    await settle();
    expect(statuses(queue)).toEqual(['a:cancelled', 'b:cancelled']);
    expect(pending[0]?.signal.aborted).toBe(true);
    queue.retry(2);
    expect(statuses(queue)).toEqual(['a:cancelled', 'b:uploading']);
  });

  it('marks failures with their message, and counts the summary', async () => {
    const { queue, pending } = setup(3);
    queue.add(['a', 'b', 'c'].map(item));
    pending[0]?.resolve();
    pending[1]?.reject('boom');
    await settle();
    queue.cancelAll();
    await settle();
    const snapshot = queue.getSnapshot();
    expect(snapshot.counts).toMatchObject({
      done: 1,
      failed: 1,
      cancelled: 1,
      queued: 0,
      uploading: 0,
    });
    expect(snapshot.transfers[1]?.error).toBe('boom');
    expect(queue.isActive()).toBe(false);
    queue.retryFailed();
    expect(statuses(queue)).toEqual(['a:done', 'b:uploading', 'c:cancelled']);
    queue.cancel(2);
    await settle();
    queue.clearFinished();
    expect(queue.getSnapshot().transfers).toEqual([]);
  });

  it('starts more when the concurrency grows', () => {
    const { queue } = setup(1);
    queue.add(['a', 'b', 'c'].map(item));
    queue.setConcurrency(3);
    expect(queue.getSnapshot().counts.uploading).toBe(3);
  });

  it('pauses a multipart transfer keeping its progress, and resumes it in the queue', async () => {
    const { queue, pending } = setup(1);
    queue.add(['big.bin', 'small.txt'].map(item));
    expect(statuses(queue)).toEqual(['big.bin:uploading', 'small.txt:queued']);
    queue.pause(1);
    await settle();
    // The next one starts; the paused one stays paused (not cancelled, not failed).
    expect(statuses(queue)).toEqual(['big.bin:paused', 'small.txt:uploading']);
    expect(queue.getSnapshot().counts.paused).toBe(1);
    queue.resume(1);
    expect(statuses(queue)).toEqual(['big.bin:queued', 'small.txt:uploading']);
    pending[1]?.resolve();
    await settle();
    expect(statuses(queue)).toEqual(['big.bin:uploading', 'small.txt:done']);
  });

  it('does not pause a single-request transfer; cancelling a paused one discards it', async () => {
    const { queue, cancelled } = setup(2);
    queue.add(['small.txt', 'big.bin'].map(item));
    queue.pause(1);
    await settle();
    expect(statuses(queue)).toEqual(['small.txt:uploading', 'big.bin:uploading']);
    queue.pause(2);
    await settle();
    queue.cancel(2);
    expect(statuses(queue)).toEqual(['small.txt:uploading', 'big.bin:cancelled']);
    expect(cancelled).toEqual(['big.bin']);
  });
});
