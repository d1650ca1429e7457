import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SESSIONS_PATH } from '@stowage/shared';
import { buildApp } from '../../src/build-app.js';
import type { AccessConfig } from '../../src/config/access.js';
import type { SsoConfig } from '../../src/config/sso.js';
import { WebIdentityCredentials } from '../../src/store/s3-web-identity.js';
import { allowReading, distrust, trustProvider } from '../ceph-iam.js';
import { build, q, storeKind, testAccess, testStoreConfig, type TestApp } from '../helper.js';
import { ssoSignIn } from '../sso-flow.js';
import {
  startTestProvider,
  TEST_CLIENT_ID,
  TEST_CLIENT_SECRET,
  type TestProvider,
} from '../oidc-test-provider.js';

/**
 * Identity passthrough wired to single sign-on (issue 21): a role with `identity: "passthrough"`
 * reaches the store with the signed-in person's own STS credentials, from their ID token. The
 * real sign-in flow (oidc-provider, its login form driven over HTTP), the real store. On Ceph RGW
 * (its STS gateway): the role's policy decides (one bucket listed, another and a write 403);
 * on s3rver (no STS): the exchange is refused, 403 IdentityRefused.
 */
const ORIGIN = 'http://localhost';
const tag = randomBytes(3).toString('hex');
const allowed = `pt${tag}-allowed`;
const denied = `pt${tag}-denied`;
const roleName = `stowage-pt-${tag}`;
const roleArn = `arn:aws:iam:::role/${roleName}`;
const stsEndpoint = inject('storeStsEndpoint');
const onCeph = storeKind === 'ceph' && stsEndpoint !== '';

let provider: TestProvider;
let app: Awaited<ReturnType<typeof buildApp>>;
let fixtures: TestApp;
let providerArn = '';
const sts = new WebIdentityCredentials();
const admin = () => testStoreConfig();
/** RGW's IAM at its STS gateway, with the admin's keys. */
const rgwIam = () => ({ endpoint: stsEndpoint, keys: admin() });

beforeAll(async () => {
  provider = await startTestProvider([ORIGIN]);
  fixtures = await build();
  for (const b of [allowed, denied]) {
    await fixtures.objectStore.createBucket(b);
    await fixtures.objectStore.putObject({ bucket: b, key: 'hello.txt', body: 'hi' });
  }
  if (onCeph) {
    providerArn = trustProvider(rgwIam(), provider, roleName);
    allowReading(rgwIam(), roleName, allowed);
  }
  // The profile's endpoint is where STS is asked: Ceph's STS gateway, or s3rver itself.
  const base = await testAccess(
    testStoreConfig({ ...(onCeph && { endpoint: stsEndpoint }), signatureVersion: 'v4' }),
    false,
  );
  const sso: SsoConfig = {
    issuer: provider.issuer,
    clientId: TEST_CLIENT_ID,
    clientSecret: TEST_CLIENT_SECRET,
    scopes: ['openid', 'profile', 'email', 'groups'],
    claim: 'groups',
    buttonName: 'Test ID',
    roles: [
      {
        value: 'team-a',
        profile: base.profiles[0]!.name,
        readOnly: false,
        buckets: undefined,
        passthrough: { roleArn, durationSeconds: 900 },
      },
    ],
  };
  const access: AccessConfig = { ...base, sso };
  app = await buildApp({ access, webIdentity: sts });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await fixtures?.close();
  if (providerArn) distrust(rgwIam(), providerArn);
  await provider?.close();
});

/** The whole sign-in flow as `login` (bob: team-a); the headers a signed-in browser sends. */
const signIn = async (login: string) => (await ssoSignIn(app, ORIGIN, login)).headers;

const listing = (headers: Record<string, string>, bucket: string) =>
  app.inject({ url: `/api/buckets/${bucket}/objects`, headers });

describe('single sign-on with identity passthrough (STS)', () => {
  it('the session says "passthrough" and holds no credentials', async () => {
    const headers = await signIn('bob');
    const res = await app.inject({ url: '/api/session', headers });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      signedIn: true,
      identity: 'passthrough',
      who: 'Bob Builder',
    });
    // A request that reaches the store makes the exchange (on s3rver: refused).
    await listing(headers, allowed);
    const again = await app.inject({ url: '/api/session', headers });
    const text = again.payload + JSON.stringify(again.headers);
    expect(text).not.toMatch(/sessionToken|secretAccessKey|accessKeyId/i);
    expect(text).not.toContain(roleArn);
  });

  it.runIf(!onCeph)(
    'a store without STS (s3rver): 403 IdentityRefused with a clear message, not a 500',
    async () => {
      const headers = await signIn('bob');
      const res = await listing(headers, allowed);
      expect(res.statusCode, res.payload).toBe(403);
      const body = res.json() as { code: string; message: string };
      expect(body.code).toBe('IdentityRefused');
      expect(body.message).toContain(`refused your identity for role ${roleArn}`);
      expect(body.message).toContain('STS settings');
      expect(res.payload).not.toContain('eyJ');
      // One exchange a request (a refusal is not kept): no retry storm against the store.
      const before = sts.exchanges;
      expect((await listing(headers, allowed)).statusCode).toBe(403);
      expect(sts.exchanges).toBe(before + 1);
    },
  );

  it('sign out everywhere drops the stores of every session of that person', async () => {
    // Dave signs in nowhere else in this file: his sessions are these two.
    const one = await signIn('dave');
    const two = await signIn('dave');
    const other = await signIn('bob');
    const stores = app.stores.size;
    for (const headers of [one, two, other]) await listing(headers, allowed);
    expect(app.stores.size).toBe(stores + 3);
    const out = await app.inject({ method: 'DELETE', url: SESSIONS_PATH, headers: one });
    expect(out.statusCode, out.payload).toBe(204);
    // Dave's two sessions' stores are gone; Bob's is kept.
    expect(app.stores.size).toBe(stores + 1);
    expect((await listing(two, allowed)).statusCode).toBe(401);
  });

  it.runIf(onCeph)(
    "Ceph RGW: the role's policy decides — one bucket listed, another and a write 403",
    async () => {
      const headers = await signIn('bob');
      const ok = await listing(headers, allowed);
      expect(ok.statusCode, ok.payload).toBe(200);
      expect(JSON.stringify(ok.json())).toContain('hello.txt');
      const other = await listing(headers, denied);
      expect(other.statusCode, other.payload).toBe(403);
      const refused = other.json() as { code: string; message: string };
      expect(refused.code).toBe('StoreRefused');
      expect(refused.message).toBe(
        `The store at ${stsEndpoint} refused this request (AccessDenied): your role ${roleArn} does not allow it (its policy on the store decides)`,
      );
      const write = await app.inject({
        method: 'DELETE',
        url: `/api/buckets/${allowed}/object?${q({ key: 'hello.txt' })}`,
        headers,
      });
      expect(write.statusCode, write.payload).toBe(403);
      expect(write.json()).toMatchObject({ code: 'StoreRefused' });
      expect((write.json() as { message: string }).message).toContain(`your role ${roleArn}`);
      // Still there: the role may not delete.
      expect((await listing(headers, allowed)).statusCode).toBe(200);
    },
  );

  it.runIf(onCeph)('sign-out forgets the credentials: a new sign-in exchanges again', async () => {
    const headers = await signIn('bob');
    expect((await listing(headers, allowed)).statusCode).toBe(200);
    const before = sts.exchanges;
    // The same session: cached.
    expect((await listing(headers, allowed)).statusCode).toBe(200);
    expect(sts.exchanges).toBe(before);
    const stores = app.stores.size;
    const out = await app.inject({ method: 'DELETE', url: '/api/session', headers });
    expect([200, 204]).toContain(out.statusCode);
    // The session's own store (its client and credentials provider) is gone with it.
    expect(app.stores.size).toBe(stores - 1);
    expect((await listing(headers, allowed)).statusCode).toBe(401);
    const next = await signIn('bob');
    expect((await listing(next, allowed)).statusCode).toBe(200);
    expect(sts.exchanges).toBe(before + 1);
  });
});
