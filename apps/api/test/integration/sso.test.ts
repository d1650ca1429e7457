import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@stowage/shared';
import { AuditLog } from '../../src/audit/audit-log.js';
import { buildApp } from '../../src/build-app.js';
import type { AccessConfig } from '../../src/config/access.js';
import type { Profile } from '../../src/config/profiles.js';
import type { SsoConfig } from '../../src/config/sso.js';
import { SSO_FLOW_COOKIE } from '../../src/auth/sso-flow-cookie.js';
import { SESSION_COOKIE } from '../../src/plugins/external/secure-session.js';
import { build, testAccess, testStoreConfig, type TestApp } from '../helper.js';
import * as flow from '../sso-flow.js';
import {
  startTestProvider,
  TEST_CLIENT_ID,
  TEST_CLIENT_SECRET,
  type TestProvider,
} from '../oidc-test-provider.js';

/**
 * Single sign-on (issue 21) through a real OpenID provider (oidc-provider on a local port) and
 * the real store: the code flow over HTTP, roles → profiles, read-only, bucket allowlists, the
 * ID token's expiry, refusals as pages, RP-initiated logout.
 */
const ORIGIN = 'http://localhost';
const tag = randomBytes(3).toString('hex');
const bucketA = `sso${tag}-a-docs`;
const bucketB = `sso${tag}-b-docs`;

/** The audit file of the SSO app: its sign-ins and switches are audited as any other. */
const auditDir = mkdtempSync(path.join(os.tmpdir(), 'stowage-sso-audit-'));
const auditFile = path.join(auditDir, 'audit.log');
const audit = new AuditLog({ stdout: false, file: auditFile }, () => {});
const auditLines = () =>
  (existsSync(auditFile) ? readFileSync(auditFile, 'utf8') : '')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

let provider: TestProvider;
let app: Awaited<ReturnType<typeof buildApp>>;
let fixtures: TestApp;

beforeAll(async () => {
  provider = await startTestProvider([ORIGIN]);
  fixtures = await build();
  for (const b of [bucketA, bucketB]) {
    await fixtures.objectStore.createBucket(b);
    await fixtures.objectStore.putObject({ bucket: b, key: 'k.txt', body: 'hello' });
  }
  const base = await testAccess(testStoreConfig(), true);
  const test = base.profiles[0]!;
  const profile = (name: string, extra: Partial<Profile> = {}): Profile => ({
    ...test,
    name,
    ...extra,
  });
  const sso: SsoConfig = {
    issuer: provider.issuer,
    clientId: TEST_CLIENT_ID,
    clientSecret: TEST_CLIENT_SECRET,
    scopes: ['openid', 'profile', 'email', 'groups'],
    claim: 'groups',
    buttonName: 'Test ID',
    roles: [
      { value: 'storage-admins', profile: 'admin', readOnly: false, buckets: undefined },
      { value: 'team-a', profile: 'teams', readOnly: false, buckets: [`sso${tag}-a-*`] },
      { value: 'auditors', profile: 'teams', readOnly: true, buckets: [`sso${tag}-a-*`] },
      { value: 'night-shift', profile: 'sso-only', readOnly: false, buckets: undefined },
    ],
  };
  const access: AccessConfig = {
    ...base,
    profiles: [
      test,
      profile('admin'),
      profile('teams'),
      profile('sso-only', { passwordHash: undefined }),
    ],
    sso,
  };
  app = await buildApp({ access, audit });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await fixtures?.close();
  await provider?.close();
  audit.close();
  rmSync(auditDir, { recursive: true, force: true });
});

async function toCallback(login: string) {
  const reached = await flow.toCallback(app, ORIGIN, login);
  expect(reached.authorize.origin).toBe(provider.issuer);
  return reached;
}
const callbackWith = (callback: URL, flowCookie: string | undefined) =>
  flow.callbackWith(app, callback, flowCookie);
const signIn = (login: string) => flow.ssoSignIn(app, ORIGIN, login);

describe('single sign-on with OpenID Connect', () => {
  it('the login page learns of the SSO button', async () => {
    const res = await app.inject({ url: '/api/session' });
    expect(res.json()).toMatchObject({
      signedIn: false,
      sso: { buttonName: 'Test ID', startUrl: '/api/auth/sso/start' },
    });
  });

  it('a profile only SSO uses is not offered to the password form, nor signed in to with one', async () => {
    const res = await app.inject({ url: '/api/session' });
    expect(res.json().profiles.map((p: { name: string }) => p.name)).toEqual([
      'test',
      'admin',
      'teams',
    ]);
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE },
      payload: { profile: 'sso-only', password: 'anything' },
    });
    expect(signIn.statusCode).toBe(400);
    expect(signIn.json().message).toBe('Profile sso-only signs in with single sign-on only');
  });

  it('full code flow: the session carries the mapped profile and the person', async () => {
    const { res, headers } = await signIn('alice');
    expect(res.headers.location).toBe('/');
    const session = (await app.inject({ url: '/api/session', headers })).json();
    expect(session).toMatchObject({
      signedIn: true,
      profile: 'admin',
      who: 'Alice Admin',
      readOnly: false,
      bucketAllowlist: null,
      ssoProfiles: ['admin'],
    });
    const buckets = (await app.inject({ url: '/api/buckets', headers })).json();
    const names = buckets.buckets.map((b: { name: string }) => b.name);
    expect(names).toEqual(expect.arrayContaining([bucketA, bucketB]));
  });

  it('no token and no client secret reaches the browser: answers and cookies are clean', async () => {
    const { res, headers } = await signIn('alice');
    const session = await app.inject({ url: '/api/session', headers });
    for (const text of [
      session.payload,
      res.payload,
      JSON.stringify(res.headers),
      headers.cookie,
    ]) {
      expect(text).not.toContain('eyJ'); // a JWT (the ID token) in the clear
      expect(text).not.toContain(TEST_CLIENT_SECRET);
      expect(text).not.toContain('alice@example.test');
    }
    const start = await app.inject({ url: '/api/auth/sso/start' });
    const flowCookie = flow.cookieOf(start, SSO_FLOW_COOKIE)!;
    const state = new URL(start.headers.location as string).searchParams.get('state')!;
    expect(flowCookie).not.toContain(state); // sealed, not merely signed
  });

  it('a role with a bucket allowlist: listing and writes are confined to it', async () => {
    const { headers } = await signIn('bob');
    const session = (await app.inject({ url: '/api/session', headers })).json();
    expect(session).toMatchObject({ profile: 'teams', who: 'Bob Builder', readOnly: false });
    expect(session.bucketAllowlist).toEqual([`sso${tag}-a-*`]);
    const names = (await app.inject({ url: '/api/buckets', headers }))
      .json()
      .buckets.map((b: { name: string }) => b.name);
    expect(names).toContain(bucketA);
    expect(names).not.toContain(bucketB);
    const tags = { tags: [{ key: 'by', value: 'bob' }] };
    const put = (bucket: string) =>
      app.inject({
        method: 'PUT',
        url: `/api/buckets/${bucket}/object/tags?key=k.txt`,
        headers,
        payload: tags,
      });
    expect((await put(bucketA)).statusCode).toBe(200);
    const refused = await put(bucketB);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('BucketNotAllowed');
    const listB = await app.inject({ url: `/api/buckets/${bucketB}/objects`, headers });
    expect(listB.statusCode).toBe(403);
  });

  it('a read-only role is refused on writes (403), reads as usual', async () => {
    const { headers } = await signIn('carol');
    const session = (await app.inject({ url: '/api/session', headers })).json();
    expect(session).toMatchObject({ profile: 'teams', readOnly: true, who: 'Carol Auditor' });
    const list = await app.inject({ url: `/api/buckets/${bucketA}/objects`, headers });
    expect(list.statusCode).toBe(200);
    const put = await app.inject({
      method: 'PUT',
      url: `/api/buckets/${bucketA}/object/tags?key=k.txt`,
      headers,
      payload: { tags: [] },
    });
    expect(put.statusCode).toBe(403);
    expect(put.json().code).toBe('ReadOnly');
  });

  it('several roles: the user picks among the profiles they grant', async () => {
    const { res, headers } = await signIn('dave');
    expect(res.headers.location).toBe('/sso/profile');
    let session = (await app.inject({ url: '/api/session', headers })).json();
    expect(session).toMatchObject({ profile: 'admin', ssoProfiles: ['admin', 'teams'] });
    const pick = await app.inject({
      method: 'POST',
      url: '/api/auth/sso/profile',
      headers,
      payload: { profile: 'teams' },
    });
    expect(pick.statusCode, pick.payload).toBe(200);
    expect(pick.json()).toMatchObject({ profile: 'teams', bucketAllowlist: [`sso${tag}-a-*`] });
    const next = { ...headers, cookie: flow.cookieOf(pick, SESSION_COOKIE)! };
    session = (await app.inject({ url: '/api/session', headers: next })).json();
    expect(session.profile).toBe('teams');
    const notGranted = await app.inject({
      method: 'POST',
      url: '/api/auth/sso/profile',
      headers: next,
      payload: { profile: 'test' },
    });
    expect(notGranted.statusCode).toBe(403);
    expect(notGranted.json().code).toBe('SsoNoRole');
    const bad = await app.inject({
      method: 'POST',
      url: '/api/auth/sso/profile',
      headers: next,
      payload: { profile: '../x' },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('the audit log: a sign-in, a refusal and a switch of profile are one line each, naming the person', async () => {
    const before = auditLines().length;
    const { headers } = await signIn('dave');
    const refused = await toCallback('erin');
    expect((await callbackWith(refused.callback, refused.flowCookie)).statusCode).toBe(403);
    const forged = await callbackWith(refused.callback, undefined);
    expect(forged.statusCode).toBe(400);
    const pick = await app.inject({
      method: 'POST',
      url: '/api/auth/sso/profile',
      headers,
      payload: { profile: 'teams' },
    });
    expect(pick.statusCode).toBe(200);
    const lines = auditLines().slice(before);
    expect(lines.map((l) => [l.action, (l.result as { status: number }).status])).toEqual([
      ['auth.sign-in', 303],
      ['auth.sign-in', 403],
      ['auth.sign-in', 400],
      ['auth.profile.switch', 200],
    ]);
    const dave = {
      subject: 'dave',
      name: 'Dave Both',
      email: 'dave@example.test',
      who: 'Dave Both',
    };
    expect(lines[0]).toMatchObject({ user: dave, profile: 'admin' });
    // Refused for want of a role: the provider said who it was; no profile was used.
    expect(lines[1]).toMatchObject({
      user: { subject: 'erin', name: 'Erin Elsewhere', who: 'Erin Elsewhere' },
      profile: null,
    });
    // Refused before anyone is known (no flow cookie): nobody.
    expect(lines[2]).toMatchObject({ user: null, profile: null });
    expect(lines[3]).toMatchObject({ user: dave, profile: 'teams' });
    // Nothing of the flow's secrets: no code, state, token or cookie.
    const text = readFileSync(auditFile, 'utf8');
    for (const secret of [
      refused.callback.searchParams.get('code')!,
      refused.callback.searchParams.get('state')!,
      TEST_CLIENT_SECRET,
      headers.cookie.split('=')[1]!.slice(0, 40),
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toMatch(/eyJ[\w-]{20,}\./);
  });

  it('no role: refused with a clear page, no session', async () => {
    const { callback, flowCookie } = await toCallback('erin');
    const res = await callbackWith(callback, flowCookie);
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.payload).toContain('No access');
    expect(res.payload).toContain('Erin Elsewhere');
    expect(flow.cookieOf(res, SESSION_COOKIE)).toBeUndefined();
  });

  it('a tampered state, a tampered code, a replayed callback: refused with a page', async () => {
    const { callback, flowCookie } = await toCallback('alice');
    const badState = new URL(callback);
    badState.searchParams.set('state', 'forged');
    let res = await callbackWith(badState, flowCookie);
    expect(res.statusCode).toBe(400);
    expect(res.payload).toContain('does not belong to this sign-in');
    const badCode = new URL(callback);
    badCode.searchParams.set('code', `${callback.searchParams.get('code')}x`);
    res = await callbackWith(badCode, flowCookie);
    expect(res.statusCode).toBe(400);
    expect(res.payload).toContain('refused the sign-in code');
    expect(flow.cookieOf(res, SESSION_COOKIE)).toBeUndefined();

    const ok = await signIn('bob');
    // The same answer again: without the flow cookie (cleared), then with a copy of it.
    res = await callbackWith(ok.callback, undefined);
    expect(res.statusCode).toBe(400);
    expect(res.payload).toContain('already used');
    res = await callbackWith(ok.callback, ok.flowCookie);
    expect(res.statusCode).toBe(400);
    expect(flow.cookieOf(res, SESSION_COOKIE)).toBeUndefined();
    // A forged flow cookie.
    res = await callbackWith(ok.callback, `${SSO_FLOW_COOKIE}=AAAA${'B'.repeat(60)}`);
    expect(res.statusCode).toBe(400);
    // The provider's own refusal (the user cancelled).
    res = await app.inject({
      url: '/api/auth/sso/callback?error=access_denied&error_description=<b>no</b>&state=x',
      headers: { cookie: flowCookie },
    });
    expect(res.statusCode).toBe(403);
    expect(res.payload).toContain('access_denied: &lt;b&gt;no&lt;/b&gt;');
  });

  it("the ID token's expiry ends the session", async () => {
    provider.idTokenTtl = 4;
    let signedIn;
    try {
      signedIn = await signIn('bob');
    } finally {
      provider.idTokenTtl = 3600;
    }
    const { headers } = signedIn;
    const session = (await app.inject({ url: '/api/session', headers })).json();
    const expiresAt = Date.parse(session.expiresAt);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(4000);
    await new Promise((r) => setTimeout(r, Math.max(0, expiresAt - Date.now()) + 200));
    const res = await app.inject({ url: '/api/buckets', headers });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('SessionEnded');
  });

  it("sign-out ends the session and sends the browser to the provider's end-session endpoint", async () => {
    const { headers, browser } = await signIn('alice');
    const out = await app.inject({ method: 'DELETE', url: '/api/session', headers });
    expect(out.statusCode).toBe(200);
    const end = new URL(out.json().endSessionUrl);
    expect(end.origin).toBe(provider.issuer);
    expect(end.searchParams.get('id_token_hint')).toBeTruthy();
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${ORIGIN}/`);
    expect((await app.inject({ url: '/api/buckets', headers })).statusCode).toBe(401);
    // The provider ends its session (its confirmation form) and sends the browser back.
    const back = await browser.run(end.href, 'http://localhost');
    expect(back.url).toBe(`${ORIGIN}/`);
    // The provider's session is over too: the next sign-in asks for the login again.
    const again = await app.inject({ url: '/api/auth/sso/start' });
    await expect(browser.run(again.headers.location as string, 'http://localhost')).rejects.toThrow(
      'asks to sign in',
    );
  });

  it('while the provider session lasts, signing in again needs no login form', async () => {
    const { browser } = await signIn('bob');
    const again = await app.inject({ url: '/api/auth/sso/start' });
    const stop = await browser.run(again.headers.location as string, 'http://localhost');
    expect(new URL(stop.url).pathname).toBe('/api/auth/sso/callback');
  });

  it('the provider unreachable: a 502 page, not a 500', async () => {
    const base = await testAccess(testStoreConfig(), true);
    const down = await buildApp({
      access: {
        ...base,
        sso: {
          issuer: 'http://127.0.0.1:9',
          clientId: 'x',
          clientSecret: 'y',
          scopes: ['openid'],
          claim: 'groups',
          buttonName: 'Down',
          roles: [{ value: 'g', profile: 'test', readOnly: false, buckets: undefined }],
        },
      },
    });
    try {
      const res = await down.inject({ url: '/api/auth/sso/start' });
      expect(res.statusCode).toBe(502);
      expect(res.payload).toContain('Identity provider unavailable');
    } finally {
      await down.close();
    }
  });
});
