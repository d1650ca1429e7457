import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '@/lib/api-client';
import { backoffDelay, sleep, withRetry } from './retry';
import { isRetryable } from './multipart-support';

const noWait = () => Promise.resolve();

describe('retry with backoff', () => {
  it('grows exponentially, capped, with ±20 % jitter', () => {
    const mid = () => 0.5;
    expect([2, 3, 4, 5, 6, 9].map((a) => backoffDelay(a, mid))).toEqual([
      1000, 2000, 4000, 8000, 15000, 15000,
    ]);
    expect(backoffDelay(2, () => 0)).toBe(800);
    expect(backoffDelay(2, () => 1)).toBe(1200);
  });

  it('retries a retryable failure alone until it succeeds, waiting between attempts', async () => {
    const waits: number[] = [];
    let calls = 0;
    const result = await withRetry(
      () => {
        calls += 1;
        return calls < 3
          ? Promise.reject(new ApiRequestError(0, 'offline'))
          : Promise.resolve('ok');
      },
      {
        signal: new AbortController().signal,
        retryable: isRetryable,
        delay: (attempt) => attempt * 10,
        wait: (ms) => {
          waits.push(ms);
          return Promise.resolve();
        },
      },
    );
    expect(result).toBe('ok');
    expect(calls).toBe(3);
    expect(waits).toEqual([20, 30]);
  });

  it('fails at once on an error that is not retryable (4xx)', async () => {
    let calls = 0;
    const bad = new ApiRequestError(400, 'BadDigest');
    await expect(
      withRetry(
        () => {
          calls += 1;
          return Promise.reject(bad);
        },
        { signal: new AbortController().signal, retryable: isRetryable, wait: noWait },
      ),
    ).rejects.toBe(bad);
    expect(calls).toBe(1);
  });

  it('gives up after the attempt limit', async () => {
    let calls = 0;
    await expect(
      withRetry(
        () => {
          calls += 1;
          return Promise.reject(new ApiRequestError(503, 'busy'));
        },
        {
          signal: new AbortController().signal,
          retryable: isRetryable,
          wait: noWait,
          maxAttempts: 4,
        },
      ),
    ).rejects.toBeInstanceOf(ApiRequestError);
    expect(calls).toBe(4);
  });

  it('stops waiting when paused (aborted)', async () => {
    const controller = new AbortController();
    const waiting = sleep(10_000, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('counts network, 5xx and 429 as retryable', () => {
    expect(isRetryable(new ApiRequestError(0, 'x'))).toBe(true);
    expect(isRetryable(new ApiRequestError(502, 'x'))).toBe(true);
    expect(isRetryable(new ApiRequestError(429, 'x'))).toBe(true);
    expect(isRetryable(new ApiRequestError(400, 'x'))).toBe(false);
    expect(isRetryable(new Error('x'))).toBe(false);
  });
});
