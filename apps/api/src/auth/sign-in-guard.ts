import { LRUCache } from 'lru-cache';
import { HttpError } from '../errors.js';

export interface SignInLimit {
  /** Failed sign-ins one client may make on one account per window (STOWAGE_LOGIN_RATE_LIMIT). */
  max: number;
  windowMs: number;
}

/** One client trying many accounts gets this many times `max`; one account from anywhere, the next. */
export const PER_CLIENT_FACTOR = 5;
export const PER_ACCOUNT_FACTOR = 10;

/**
 * What the sign-in route asks before and tells after each attempt: SignInGuard (this process),
 * or SharedSignInGuard (shared-state/: counted in Redis across instances).
 */
export interface SignInLimiter {
  check(client: string, account: string): void | Promise<void>;
  failed(client: string, account: string): void | Promise<void>;
  succeeded(client: string, account: string): void | Promise<void>;
}

/** The three counters of an attempt, each with its ceiling; the first is the pair's. */
export function signInCounters(limit: SignInLimit, client: string, account: string) {
  const { max } = limit;
  return [
    [`pair\0${client}\0${account}`, max],
    [`client\0${client}`, max * PER_CLIENT_FACTOR],
    [`account\0${account}`, max * PER_ACCOUNT_FACTOR],
  ] as [string, number][];
}

/** The 429 of a reached ceiling, `seconds` before its window ends. */
export function tooManySignIns(seconds: number): HttpError {
  const wait = seconds > 90 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`;
  return new HttpError('TooManyRequests', `Too many sign-in attempts: try again in ${wait}`, {
    headers: { 'retry-after': String(seconds) },
  });
}

interface Window {
  count: number;
  resetAt: number;
}

/**
 * Failed sign-ins, counted in fixed windows: per client and account (the usual guessing), per
 * client (one address trying many accounts), and per account from every address together (a
 * distributed guess), each with its own ceiling. Only failures count, so signing in often is
 * never refused, and one address's failures never lock the right user out from another
 * (short of the account's ceiling, ten times higher). Memory is bounded (LRU).
 */
export class SignInGuard implements SignInLimiter {
  private readonly windows: LRUCache<string, Window>;

  constructor(
    private readonly limit: SignInLimit,
    private readonly now: () => number = Date.now,
  ) {
    this.windows = new LRUCache({ max: 100_000 });
  }

  private counters(client: string, account: string): [string, number][] {
    return signInCounters(this.limit, client, account);
  }

  private current(id: string): Window | undefined {
    const w = this.windows.get(id);
    if (w && w.resetAt <= this.now()) {
      this.windows.delete(id);
      return undefined;
    }
    return w;
  }

  /** Before an attempt: 429 with Retry-After when any ceiling is reached (nothing counted). */
  check(client: string, account: string): void {
    for (const [id, ceiling] of this.counters(client, account)) {
      const w = this.current(id);
      if (w && w.count >= ceiling) {
        throw tooManySignIns(Math.max(1, Math.ceil((w.resetAt - this.now()) / 1000)));
      }
    }
  }

  /** The store or the password said no. */
  failed(client: string, account: string): void {
    for (const [id] of this.counters(client, account)) {
      const w = this.current(id);
      if (w) w.count += 1;
      else this.windows.set(id, { count: 1, resetAt: this.now() + this.limit.windowMs });
    }
  }

  /** The right keys: this client's failures on this account are forgotten. */
  succeeded(client: string, account: string): void {
    this.windows.delete(this.counters(client, account)[0]![0]);
  }
}
