/** Waiting without sleeping: polls tuned for a UI that settles within frames. */
import { expect } from '@playwright/test';

/** For expect.poll: its default backoff (100 ms, 250 ms, 500 ms, 1 s…) is slow for UI that settles in a frame. */
export const FAST_POLL = { intervals: [16, 32, 64, 100] };

/**
 * For an observation window: `probe` (is the unwanted thing there?) stays false for `ms`,
 * checked every 250 ms. Fails as soon as it is seen once.
 */
export async function expectNeverFor(
  ms: number,
  probe: () => Promise<boolean>,
  message: string,
): Promise<void> {
  const until = Date.now() + ms;
  let seen = false;
  await expect
    .poll(
      async () => {
        seen ||= await probe();
        if (seen) return 'seen';
        return Date.now() >= until ? 'never seen' : 'watching';
      },
      { message, timeout: ms + 5_000, intervals: [250] },
    )
    .toBe('never seen');
}
