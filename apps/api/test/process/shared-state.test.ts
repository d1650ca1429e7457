import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemorySessionRevocations } from '../../src/auth/session-revocations.js';
import { HttpError } from '../../src/errors.js';
import { SharedState, SHARED_STATE_UNAVAILABLE } from '../../src/shared-state/redis.js';
import { SharedSessionRevocations } from '../../src/shared-state/shared-revocations.js';
import { SharedSignInGuard } from '../../src/shared-state/shared-sign-in-guard.js';
import { freePort, redisServer, waitUntil, type RedisServer } from '../scale-out/cluster.js';

// The Redis-backed stores against a real redis-server, as two instances use them: two clients.
let dir = '';
let redis: RedisServer;
const logged: string[] = [];
const log = {
  warn: (_: object, msg: string) => logged.push(msg),
  info: (m: string) => logged.push(m),
};
let a: SharedState;
let b: SharedState;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'stowage-redis-'));
  redis = redisServer(dir, await freePort());
  await redis.start();
  a = new SharedState(redis.url, log);
  b = new SharedState(redis.url, log);
  expect(await a.connected(5000)).toBe(true);
  expect(await b.connected(5000)).toBe(true);
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const hour = 3_600_000;

describe('SharedSessionRevocations on a real Redis', () => {
  it('a sign-out on one instance is seen by the other on its next check', async () => {
    const one = new SharedSessionRevocations(a);
    const two = new SharedSessionRevocations(b);
    expect(await two.isRevoked('sid-1', 'p\0keys\0A', 1)).toBe(false);
    await one.revoke('sid-1', Date.now() + hour);
    expect(await two.isRevoked('sid-1', 'p\0keys\0A', 1)).toBe(true);
    expect(await two.isRevoked('sid-2', 'p\0keys\0A', 1)).toBe(false);
  });

  it("keeps a note only for the session's remaining lifetime (the key's TTL)", async () => {
    await new SharedSessionRevocations(a).revoke('sid-ttl', Date.now() + 60_000);
    const ttl = await b.redis.pttl('stowage:revoked:sid:sid-ttl');
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
    // Already expired: nothing written.
    await new SharedSessionRevocations(a).revoke('sid-gone', Date.now() - 1);
    expect(await b.redis.exists('stowage:revoked:sid:sid-gone')).toBe(0);
  });

  it('sign out everywhere ends the sessions made before it, on every instance, and keeps the later one', async () => {
    const one = new SharedSessionRevocations(a);
    const two = new SharedSessionRevocations(b);
    const t = Date.now();
    await one.revokeSubject('p\0keys\0B', t, t + hour);
    expect(await two.isRevoked('x', 'p\0keys\0B', t - 1)).toBe(true);
    expect(await two.isRevoked('x', 'p\0keys\0B', t + 1)).toBe(false);
    // An older "before" arriving later does not shorten it.
    await two.revokeSubject('p\0keys\0B', t - 5000, t + hour);
    expect(await one.isRevoked('y', 'p\0keys\0B', t - 1)).toBe(true);
  });
});

describe('SharedSignInGuard on a real Redis', () => {
  it('counts failures from every instance against one ceiling', async () => {
    const limit = { max: 3, windowMs: 60_000 };
    const one = new SharedSignInGuard(a, limit);
    const two = new SharedSignInGuard(b, limit);
    for (const guard of [one, two, one]) {
      await guard.check('10.0.0.1', 'acct-1');
      await guard.failed('10.0.0.1', 'acct-1');
    }
    const refused = await two.check('10.0.0.1', 'acct-1').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(HttpError);
    expect((refused as HttpError).statusCode).toBe(429);
    expect(Number((refused as HttpError).headers['retry-after'])).toBeGreaterThan(50);
    // Another account from the same client is not refused.
    await one.check('10.0.0.1', 'acct-2');
  });
});

describe('a Redis outage', () => {
  it('refuses sign-ins with 503, falls back for revocations, and catches up once Redis is back', async () => {
    const one = new SharedSessionRevocations(a, new MemorySessionRevocations());
    const two = new SharedSessionRevocations(b, new MemorySessionRevocations());
    const guard = new SharedSignInGuard(a, { max: 3, windowMs: 60_000 });
    await redis.stop();
    await waitUntil('the clients to notice', () => a.redis.status !== 'ready');
    await waitUntil('the clients to notice', () => b.redis.status !== 'ready');

    const refused = await guard.check('10.0.0.2', 'acct-3').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(HttpError);
    expect((refused as HttpError).code).toBe('SharedStateUnavailable');
    expect((refused as HttpError).statusCode).toBe(503);
    expect((refused as HttpError).message).toBe(SHARED_STATE_UNAVAILABLE);
    // Sign-out on `one` while Redis is down: `one` refuses at once, `two` cannot know yet.
    await one.revoke('sid-outage', Date.now() + hour);
    expect(await one.isRevoked('sid-outage', 's', 1)).toBe(true);
    expect(await two.isRevoked('sid-outage', 's', 1)).toBe(false);
    expect(logged.some((m) => m.includes('Redis (STOWAGE_REDIS_URL) is unreachable'))).toBe(true);

    // Back, empty (no persistence): the note is written again, and sign-ins are counted again.
    await redis.start();
    await waitUntil('both clients to reconnect', () =>
      [a, b].every((s) => s.redis.status === 'ready'),
    );
    await waitUntil('the note to reach Redis', async () => two.isRevoked('sid-outage', 's', 1));
    await guard.check('10.0.0.2', 'acct-3');
    expect(logged.some((m) => m.includes('is back'))).toBe(true);
  });
});
