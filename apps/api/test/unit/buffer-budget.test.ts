import { describe, expect, it } from 'vitest';
import { BufferBudget } from '../../src/upload/buffer-budget.js';

const tick = () => new Promise((r) => setImmediate(r));

describe('BufferBudget', () => {
  it('grants while the budget lasts, then in arrival order as reservations are released', async () => {
    const budget = new BufferBudget(100);
    const order: string[] = [];
    const a = await budget.reserve(60);
    const b = budget.reserve(60).then((release) => (order.push('b'), release));
    const c = budget.reserve(30).then((release) => (order.push('c'), release));
    await tick();
    // c would fit beside a, but b came first: nobody overtakes.
    expect(order).toEqual([]);
    expect(budget.reservedBytes).toBe(60);
    expect(budget.waiting).toBe(2);
    a();
    const releaseB = await b;
    const releaseC = await c;
    expect(order).toEqual(['b', 'c']);
    expect(budget.reservedBytes).toBe(90);
    expect(budget.waiting).toBe(0);
    releaseB();
    releaseC();
    releaseC(); // twice is harmless
    expect(budget.reservedBytes).toBe(0);
  });

  it('lets one reservation bigger than the budget run alone', async () => {
    const budget = new BufferBudget(100);
    const release = await budget.reserve(500);
    expect(budget.reservedBytes).toBe(100);
    let second = false;
    void budget.reserve(1).then(() => (second = true));
    await tick();
    expect(second).toBe(false);
    release();
    await tick();
    expect(second).toBe(true);
  });

  it('an aborted wait reserves nothing and lets the next one through', async () => {
    const budget = new BufferBudget(100);
    const a = await budget.reserve(100);
    const gone = new AbortController();
    const waiting = budget.reserve(50, gone.signal);
    const next = budget.reserve(50);
    gone.abort(new Error('client left'));
    await expect(waiting).rejects.toThrow('client left');
    a();
    const releaseNext = await next;
    expect(budget.reservedBytes).toBe(50);
    releaseNext();
    await expect(budget.reserve(1, gone.signal)).rejects.toThrow('client left');
  });

  it('tryReserve takes what is free at once, or nothing, and never jumps the queue', async () => {
    const budget = new BufferBudget(100);
    const a = budget.tryReserve(60)!;
    expect(budget.reservedBytes).toBe(60);
    expect(budget.tryReserve(50)).toBeUndefined();
    let waited = false;
    void budget.reserve(50).then(() => (waited = true));
    await tick();
    expect(budget.tryReserve(10)).toBeUndefined(); // fits, but an upload waits
    a();
    a();
    await tick();
    expect(waited).toBe(true);
    expect(budget.reservedBytes).toBe(50);
  });
});
