import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from './server-process.js';

// server.ts on the embedded store with keys the operator set (STOWAGE_EMBEDDED_*): what it
// prints, and that sign-in and STOWAGE_AUTH=off use those keys and no others.

const OPERATOR = { accessKeyId: 'ops-key', secretAccessKey: 'ops secret 4f1c9e2a' };
const started: ServerProcess[] = [];

async function start(env: Record<string, string>) {
  const server = await startServerProcess({
    STOWAGE_EMBEDDED_ACCESS_KEY_ID: OPERATOR.accessKeyId,
    STOWAGE_EMBEDDED_SECRET_ACCESS_KEY: OPERATOR.secretAccessKey,
    ...env,
  });
  started.push(server);
  return { base: server.base, out: server.output };
}

afterAll(async () => {
  for (const server of started) await server.stop();
});

const signIn = (base: string, keys: { accessKeyId: string; secretAccessKey: string }) =>
  fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-stowage-csrf': '1' },
    body: JSON.stringify(keys),
  });

describe('the embedded store with keys the operator set', () => {
  it('prints the access key to sign in with, never the secret; only those keys sign in', async () => {
    const { base, out } = await start({});
    expect(out()).toContain(
      "Sign in with access key ops-key and the secret key set in STOWAGE_EMBEDDED_SECRET_ACCESS_KEY (the embedded store's keys)",
    );
    expect(out()).not.toContain(OPERATOR.secretAccessKey);
    // The store, asked by sign-in, refuses the demo keys and a wrong secret.
    const demo = await signIn(base, { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' });
    expect(demo.status).toBe(401);
    const wrong = await signIn(base, { ...OPERATOR, secretAccessKey: 'not the secret' });
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).message).toBe('The store refused these keys');
    const ok = await signIn(base, OPERATOR);
    expect(ok.status).toBe(200);
    const cookie = ok.headers.getSetCookie()[0]!.split(';')[0]!;
    expect((await fetch(`${base}/api/buckets`, { headers: { cookie } })).status).toBe(200);
  });

  it('acts with them when dashboard auth is off', async () => {
    const { base, out } = await start({ STOWAGE_AUTH: 'off' });
    expect(out()).not.toContain('Sign in with');
    const res = await fetch(`${base}/api/buckets`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ buckets: [] });
  });
});
