import {
  signInCounters,
  tooManySignIns,
  type SignInLimit,
  type SignInLimiter,
} from '../auth/sign-in-guard.js';
import { HttpError } from '../errors.js';
import { KEY_PREFIX, SHARED_STATE_UNAVAILABLE, type SharedState } from './redis.js';

const key = (id: string) => `${KEY_PREFIX}sign-in:${id}`;

/**
 * Failed sign-ins counted in Redis, so the ceilings of auth/sign-in-guard.ts hold across
 * every instance: the same three fixed windows, each a key that expires with its window
 * (`SET 0 PX window NX`, then `INCR`). Fails closed: when Redis cannot be asked, a sign-in
 * is refused with 503 SharedStateUnavailable (counting per instance instead would multiply the
 * ceilings by the number of instances, silently).
 */
export class SharedSignInGuard implements SignInLimiter {
  constructor(
    private readonly shared: SharedState,
    private readonly limit: SignInLimit,
  ) {}

  async check(client: string, account: string): Promise<void> {
    const counters = signInCounters(this.limit, client, account);
    const redis = this.shared.redis;
    let counts: (string | null)[];
    try {
      counts = await redis.mget(counters.map(([id]) => key(id)));
    } catch {
      throw new HttpError('SharedStateUnavailable', SHARED_STATE_UNAVAILABLE, {
        headers: { 'retry-after': '5' },
      });
    }
    const reached = counters.findIndex(([, ceiling], i) => Number(counts[i] ?? 0) >= ceiling);
    if (reached < 0) return;
    const ttl = await redis.pttl(key(counters[reached]![0])).catch(() => this.limit.windowMs);
    throw tooManySignIns(Math.max(1, Math.ceil((ttl > 0 ? ttl : this.limit.windowMs) / 1000)));
  }

  async failed(client: string, account: string): Promise<void> {
    const multi = this.shared.redis.multi();
    for (const [id] of signInCounters(this.limit, client, account)) {
      multi.set(key(id), '0', 'PX', this.limit.windowMs, 'NX').incr(key(id));
    }
    // Not counted when Redis went away since check(): the next attempt is refused (503) anyway.
    await multi.exec().catch(() => undefined);
  }

  async succeeded(client: string, account: string): Promise<void> {
    const [pair] = signInCounters(this.limit, client, account);
    await this.shared.redis.del(key(pair![0])).catch(() => undefined);
  }
}
