import { MaxRetriesPerRequestError, Redis } from 'ioredis';

/** Where the shared state says it went away and came back (the app's logger). */
export interface SharedStateLog {
  warn(obj: object, msg: string): void;
  info(msg: string): void;
}

/** Every key Stowage writes starts with this (one Redis may serve other things too). */
export const KEY_PREFIX = 'stowage:';

export const SHARED_STATE_UNAVAILABLE =
  'Signing in is unavailable for a moment: the shared state store (Redis) cannot be reached. ' +
  'Try again shortly; if it goes on, tell the operator.';

/** The answer of a request that needed Redis while it was unreachable (link unlock attempts). */
export const SHARED_STATE_DOWN =
  'The shared state store (Redis) cannot be reached: try again shortly; if it goes on, tell the operator.';

/**
 * ioredis's refusals while disconnected (no offline queue), out of retries, or timed out: an
 * outage, not a bug (the error handler answers 503 SharedStateUnavailable).
 */
export function isSharedStateOutage(err: unknown): boolean {
  return (
    err instanceof MaxRetriesPerRequestError ||
    (err instanceof Error &&
      /enableOfflineQueue options is false|^Command timed out|^Connection is closed/.test(
        err.message,
      ))
  );
}

/**
 * The state several instances share (STOWAGE_REDIS_URL, README "Running several instances"):
 * one ioredis client. Commands fail at once while it is disconnected (no offline queue): a
 * sign-in then says 503 now instead of waiting, and a revocation check falls back to what this
 * instance knows. ioredis reconnects on its own (every 0.2–2 s); the outage and the return are
 * logged once each.
 */
export class SharedState {
  readonly redis: Redis;
  private down = false;
  private readonly onReady: (() => void)[] = [];

  constructor(
    url: string,
    private log: SharedStateLog,
  ) {
    this.redis = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      commandTimeout: 2000,
      retryStrategy: (times) => Math.min(times * 200, 2000),
    });
    this.redis.on('error', (err: Error) => this.wentDown(err));
    this.redis.on('close', () => this.wentDown(new Error('connection closed')));
    this.redis.on('ready', () => {
      if (this.down) this.log.info('Redis (STOWAGE_REDIS_URL) is back: state is shared again');
      this.down = false;
      for (const f of this.onReady) f();
    });
  }

  private closing = false;

  private wentDown(err: Error) {
    if (this.down || this.closing) return;
    this.down = true;
    this.log.warn(
      { err: err.message },
      'Redis (STOWAGE_REDIS_URL) is unreachable: sign-ins answer 503, and each instance checks ' +
        'sign-outs against what it knows itself until it is back',
    );
  }

  /** Logs to `log` from now on (the app's logger, once it exists). */
  useLog(log: SharedStateLog) {
    this.log = log;
  }

  /** Runs `f` each time the connection is (again) ready. */
  whenReady(f: () => void) {
    this.onReady.push(f);
  }

  /** Waits up to `ms` for the first connection (the server starts anyway: it is logged). */
  async connected(ms: number): Promise<boolean> {
    if (this.redis.status === 'ready') return true;
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), ms);
      this.redis.once('ready', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  async close() {
    this.closing = true;
    this.redis.disconnect();
  }
}
