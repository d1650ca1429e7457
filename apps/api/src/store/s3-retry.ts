import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { isOwnTimeout } from './s3-errors.js';

type Refresh = ConfiguredRetryStrategy['refreshRetryTokenForRetry'];

/** No single wait between two tries is longer than this (the SDK's own cap). */
const MAX_DELAY_MS = 20_000;

/**
 * The SDK's standard retry (throttling such as 503 SlowDown, 5xx, connection resets and
 * refusals; never 4xx, TLS failures or a streamed body it cannot replay) with our attempts
 * and backoff: before try n+1, a random wait of 50-100 % of base × 2^(n-1) ms.
 *
 * One change: a timeout of ours is not retried. A store that accepted the connection and
 * said nothing for requestTimeoutMs is hung, not flaky; retrying would make the user wait
 * maxAttempts times as long for the same 504.
 */
export class StoreRetryStrategy extends ConfiguredRetryStrategy {
  constructor(maxAttempts: number, baseDelayMs: number) {
    super(maxAttempts, (attempt) => {
      const ceiling = Math.min(baseDelayMs * 2 ** (attempt - 1), MAX_DELAY_MS);
      return Math.round(ceiling * (0.5 + Math.random() / 2));
    });
  }

  override async refreshRetryTokenForRetry(
    ...[token, errorInfo]: Parameters<Refresh>
  ): ReturnType<Refresh> {
    if (isOwnTimeout(errorInfo.error)) throw new Error('A timeout is not retried');
    return super.refreshRetryTokenForRetry(token, errorInfo);
  }
}
