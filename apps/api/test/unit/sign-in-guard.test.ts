import { describe, expect, it } from 'vitest';
import { SignInGuard } from '../../src/auth/sign-in-guard.js';

describe('SignInGuard', () => {
  const limit = { max: 3, windowMs: 60_000 };
  const fail = (g: SignInGuard, client: string, account: string, n: number) => {
    for (let i = 0; i < n; i++) g.failed(client, account);
  };

  it('refuses a client on an account after max failures, until the window ends', () => {
    let now = 0;
    const g = new SignInGuard(limit, () => now);
    fail(g, 'c1', 'acct', 3);
    expect(() => g.check('c1', 'acct')).toThrow(/try again in 60 seconds/);
    expect(() => g.check('c2', 'acct')).not.toThrow();
    now = 60_000;
    expect(() => g.check('c1', 'acct')).not.toThrow();
  });

  it('forgets a client’s failures on an account when it signs in', () => {
    const g = new SignInGuard(limit);
    fail(g, 'c1', 'acct', 2);
    g.succeeded('c1', 'acct');
    fail(g, 'c1', 'acct', 2);
    expect(() => g.check('c1', 'acct')).not.toThrow();
  });

  it('has a ceiling per client (5 × max) and per account (10 × max)', () => {
    const g = new SignInGuard(limit);
    for (let i = 0; i < 15; i++) g.failed('c1', `acct${i}`);
    expect(() => g.check('c1', 'fresh')).toThrow(/Too many sign-in attempts/);
    for (let i = 0; i < 30; i++) g.failed(`client${i}`, 'target');
    expect(() => g.check('new-client', 'target')).toThrow(/Too many sign-in attempts/);
    expect(() => g.check('new-client', 'other')).not.toThrow();
  });
});
