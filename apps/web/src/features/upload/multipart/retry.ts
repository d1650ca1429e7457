/** Waits before retry 1, 2, 3… of one part (ms); the last is repeated up to the attempt limit. */
export const RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 15000] as const;
/** Attempts per part before the transfer fails (while online; offline waits do not count). */
export const MAX_ATTEMPTS = 8;

/** The wait before attempt `attempt` (2, 3, …): exponential, capped, with ±20 % jitter. */
export function backoffDelay(
  attempt: number,
  random: () => number = Math.random,
  delays: readonly number[] = RETRY_DELAYS_MS,
): number {
  const base = delays[Math.min(attempt - 2, delays.length - 1)] ?? 0;
  return Math.round(base * (0.8 + 0.4 * random()));
}

export const abortError = () => new DOMException('The upload was paused.', 'AbortError');

/** Resolves after `ms`, or rejects with an AbortError as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(abortError());
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export type RetryOptions = {
  signal: AbortSignal;
  /** Whether an error is worth another attempt (network, 5xx, 429); others fail at once. */
  retryable: (error: unknown) => boolean;
  maxAttempts?: number;
  wait?: (ms: number, signal: AbortSignal) => Promise<void>;
  delay?: (attempt: number) => number;
};

/** Runs `task` until it succeeds, retrying retryable failures alone with backoff. */
export async function withRetry<T>(task: (attempt: number) => Promise<T>, options: RetryOptions) {
  const { signal, retryable, maxAttempts = MAX_ATTEMPTS } = options;
  const wait = options.wait ?? sleep;
  const delay = options.delay ?? ((attempt: number) => backoffDelay(attempt));
  for (let attempt = 1; ; attempt += 1) {
    if (signal.aborted) throw abortError();
    try {
      return await task(attempt);
    } catch (error) {
      if (signal.aborted) throw abortError();
      if (attempt >= maxAttempts || !retryable(error)) throw error;
      await wait(delay(attempt + 1), signal);
    }
  }
}
