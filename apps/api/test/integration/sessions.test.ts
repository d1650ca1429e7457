import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '@stowage/shared';
import {
  build,
  sessionCookie,
  TEST_PASSWORD,
  testPasswordHash,
  TEST_SESSION_SECRET,
  type TestApp,
  type TestBuildOptions,
  testKeys,
} from '../helper.js';

const csrf = { [CSRF_HEADER]: '1' };
const keys = testKeys;
const apps: TestApp[] = [];
/** An app with no session yet. */
async function fresh(options: TestBuildOptions = {}) {
  const app = await build({}, { signIn: false, ...options });
  apps.push(app);
  return app;
}
afterAll(async () => {
  for (const app of apps) await app.close();
});

const signIn = (app: TestApp, payload: object, remoteAddress?: string) =>
  app.injectRaw({ method: 'POST', url: '/api/session', headers: csrf, payload, remoteAddress });
const buckets = (app: TestApp, cookie: string) =>
  app.injectRaw({ url: '/api/buckets', headers: { cookie } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('signing in with S3 keys', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await fresh();
  });

  it('refuses wrong keys with 401, a clear message and no cookie', async () => {
    const res = await signIn(app, { ...keys(), secretAccessKey: 'not-the-secret' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({
      statusCode: 401,
      code: 'KeysRefused',
      error: 'Unauthorized',
      message: 'The store refused these keys',
      requestId: expect.any(String),
    });
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('refuses an unknown access key the same way', async () => {
    const res = await signIn(app, { ...keys(), accessKeyId: 'NOSUCHKEY123' });
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toBe('The store refused these keys');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('opens a session in an httpOnly, SameSite=Strict cookie; sign-out ends it', async () => {
    const res = await signIn(app, keys());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      signedIn: true,
      profile: 'test',
      who: keys().accessKeyId,
      readOnly: false,
      bucketAllowlist: null,
      authRequired: true,
    });
    const hoursLeft = (Date.parse(res.json().expiresAt) - Date.now()) / 3_600_000;
    expect(hoursLeft).toBeGreaterThan(11.9);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^stowage_session=/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).not.toContain('Secure'); // plain http here; https requests get Secure
    const cookie = sessionCookie(res);

    expect((await buckets(app, cookie)).statusCode).toBe(200);
    const session = await app.injectRaw({ url: '/api/session', headers: { cookie } });
    expect(session.json()).toMatchObject({ signedIn: true, who: keys().accessKeyId });

    const out = await app.injectRaw({
      method: 'DELETE',
      url: '/api/session',
      headers: { ...csrf, cookie },
    });
    expect(out.statusCode).toBe(204);
    const cleared = out.cookies.find((c) => c.name === 'stowage_session');
    expect(cleared?.value).toBe('');
    expect(cleared?.maxAge).toBe(0);
    // The browser now holds no cookie.
    expect((await buckets(app, '')).statusCode).toBe(401);
    expect((await app.injectRaw('/api/session')).json().signedIn).toBe(false);
  });

  it('sets Secure on the cookie when the request came over https', async () => {
    const secure = await fresh({
      access: { session: { ...sessionDefaults(), secureCookie: true } },
    });
    const res = await signIn(secure, keys());
    expect(String(res.headers['set-cookie'])).toContain('Secure');
  });

  it('answers 400 for an unknown profile', async () => {
    const res = await signIn(app, { ...keys(), profile: 'elsewhere' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('There is no connection profile named elsewhere');
  });

  it('refuses a password for a keys profile', async () => {
    const res = await signIn(app, { password: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('Profile test signs in with S3 keys, not a password');
  });

  it('never takes an endpoint from the browser: the field is refused, the host never called', async () => {
    let connections = 0;
    const trap = net.createServer((s) => {
      connections++;
      s.destroy();
    });
    await new Promise<void>((r) => trap.listen(0, '127.0.0.1', r));
    const port = (trap.address() as net.AddressInfo).port;
    try {
      for (const extra of [
        { endpoint: `http://127.0.0.1:${port}` },
        { region: 'elsewhere', forcePathStyle: false },
      ]) {
        const res = await signIn(app, { ...keys(), ...extra });
        expect(res.statusCode).toBe(400);
        expect(res.json().message).toMatch(/Unrecognized key/);
        expect(res.headers['set-cookie']).toBeUndefined();
      }
    } finally {
      await new Promise((r) => trap.close(r));
    }
    expect(connections).toBe(0);
  });
});

function sessionDefaults() {
  return {
    secret: TEST_SESSION_SECRET,
    idleMs: 3_600_000,
    maxMs: 43_200_000,
    secureCookie: 'auto' as const,
  };
}

describe('signing in with the dashboard password (server-held keys)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await fresh({ profile: { serverKeys: keys(), passwordHash: await testPasswordHash() } });
  });

  it('opens a session with the right password', async () => {
    const res = await signIn(app, { password: TEST_PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ signedIn: true, who: 'dashboard password' });
    expect(res.json().profiles).toEqual([{ name: 'test', signIn: 'password', readOnly: false }]);
    expect((await buckets(app, sessionCookie(res))).statusCode).toBe(200);
  });

  it('refuses a wrong password with 401 and no cookie', async () => {
    const res = await signIn(app, { password: 'wrong' });
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toBe('Wrong dashboard password');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('refuses S3 keys for a profile whose keys the server holds', async () => {
    const res = await signIn(app, keys());
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe(
      'Profile test signs in with the dashboard password, not S3 keys',
    );
  });
});

describe('session limits', () => {
  it('ends a session idle longer than the idle limit, and clears its cookie', async () => {
    const app = await fresh({ access: { session: { ...sessionDefaults(), idleMs: 800 } } });
    const cookie = sessionCookie(await signIn(app, keys()));
    expect((await buckets(app, cookie)).statusCode).toBe(200);
    await sleep(1000);
    const res = await buckets(app, cookie);
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toBe('Your session has ended: sign in again');
    expect(res.cookies.find((c) => c.name === 'stowage_session')?.maxAge).toBe(0);
  });

  it('keeps a session in use alive past the idle limit (lastSeen is refreshed)', async () => {
    // Used every 0.7 s for 3.5 s against an idle limit of 2 s: room for a slow answer on a
    // loaded machine, and still well past the limit in all.
    const app = await fresh({ access: { session: { ...sessionDefaults(), idleMs: 2000 } } });
    let cookie = sessionCookie(await signIn(app, keys()));
    for (let i = 0; i < 5; i++) {
      await sleep(700);
      const res = await buckets(app, cookie);
      expect(res.statusCode).toBe(200);
      if (res.cookies.some((c) => c.name === 'stowage_session')) cookie = sessionCookie(res);
    }
  });

  it('ends a session at the absolute limit however much it is used', async () => {
    const app = await fresh({
      access: { session: { ...sessionDefaults(), idleMs: 60_000, maxMs: 1200 } },
    });
    let cookie = sessionCookie(await signIn(app, keys()));
    const started = Date.now();
    let status = 200;
    while (status === 200 && Date.now() - started < 5000) {
      await sleep(200);
      const res = await buckets(app, cookie);
      status = res.statusCode;
      if (res.cookies.some((c) => c.name === 'stowage_session' && c.value))
        cookie = sessionCookie(res);
    }
    expect(status).toBe(401);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });
});

describe('several instances', () => {
  it('serve one session when they share STOWAGE_SESSION_SECRET; another secret refuses it', async () => {
    const one = await fresh();
    const two = await fresh();
    const other = await fresh({
      access: {
        session: { ...sessionDefaults(), secret: 'a different secret, also 32 characters or more' },
      },
    });
    const cookie = sessionCookie(await signIn(one, keys()));
    expect((await buckets(two, cookie)).statusCode).toBe(200);
    const refused = await buckets(other, cookie);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().message).toBe('Sign in to use Stowage');
  });
});

describe('sign-in rate limit: failures only, per client and key, with ceilings', () => {
  const limited = { access: { loginRateLimit: { max: 10, windowMs: 60_000 } } };
  const wrong = (n: number | string) => ({ ...keys(), secretAccessKey: `guess-${n}` });

  it('refuses a client after 10 failures on one key with 429 and Retry-After, the right secret too', async () => {
    const app = await fresh(limited);
    for (let i = 0; i < 10; i++) {
      expect((await signIn(app, wrong(i), '10.9.8.7')).statusCode).toBe(401);
    }
    const res = await signIn(app, keys(), '10.9.8.7');
    expect(res.statusCode).toBe(429);
    expect(res.json()).toEqual({
      statusCode: 429,
      code: 'TooManyRequests',
      error: 'Too Many Requests',
      message: expect.stringMatching(
        /^Too many sign-in attempts: try again in \d+ (second|minute)/,
      ),
      requestId: expect.any(String),
    });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('never counts a successful sign-in', async () => {
    const app = await fresh(limited);
    for (let i = 0; i < 25; i++) {
      expect((await signIn(app, keys(), '10.9.8.5')).statusCode, `sign-in ${i + 1}`).toBe(200);
    }
  });

  it('refuses one client trying many keys after 5 × the limit; other clients go on', async () => {
    const app = await fresh(limited);
    for (let i = 0; i < 50; i++) {
      const res = await signIn(app, { ...wrong(i), accessKeyId: `AKGUESS${i}` }, '10.7.7.7');
      expect(res.statusCode).toBe(401);
    }
    expect((await signIn(app, wrong('x'), '10.7.7.7')).statusCode).toBe(429);
    expect((await signIn(app, keys(), '10.7.7.8')).statusCode).toBe(200);
  });

  it('refuses one key after 10 × the limit from any number of clients (a distributed guess)', async () => {
    const app = await fresh(limited);
    for (let i = 0; i < 100; i++) {
      const res = await signIn(app, wrong(i), `10.6.${Math.floor(i / 250)}.${(i % 250) + 1}`);
      expect(res.statusCode).toBe(401);
    }
    expect((await signIn(app, wrong('x'), '10.6.9.9')).statusCode).toBe(429);
  });
});

describe('STOWAGE_AUTH=off', () => {
  it('serves the default profile with its server-held keys, no sign-in; writes still need the header', async () => {
    const app = await fresh({ profile: { serverKeys: keys() }, access: { authRequired: false } });
    expect((await buckets(app, '')).statusCode).toBe(200);
    expect((await app.injectRaw('/api/session')).json()).toMatchObject({
      signedIn: true,
      authRequired: false,
      profile: 'test',
      who: keys().accessKeyId,
    });
    const write = await app.injectRaw({
      method: 'POST',
      url: '/api/buckets/any-bucket/delete',
      payload: { keys: ['k'] },
    });
    expect(write.statusCode).toBe(403);
    expect(write.json().message).toBe('This request needs the header x-stowage-csrf: 1');
  });
});
