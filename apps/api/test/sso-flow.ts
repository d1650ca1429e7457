import { expect } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@stowage/shared';
import { SSO_FLOW_COOKIE } from '../src/auth/sso-flow-cookie.js';
import { SESSION_COOKIE } from '../src/plugins/external/secure-session.js';
import { ProviderBrowser } from './oidc-browser.js';

/**
 * The single sign-on flow a browser goes through, over HTTP against an app with an `sso`
 * section and the test provider (oidc-test-provider.ts): what sso.test.ts and
 * sso-passthrough.test.ts sign in with.
 */

type Answer = { cookies: { name: string; value: string }[] };

/** `name=value` of the answer's cookie `name`, as a browser sends it back. */
export const cookieOf = (res: Answer, name: string) => {
  const c = res.cookies.find((c) => c.name === name);
  return c ? `${c.name}=${encodeURIComponent(c.value)}` : undefined;
};

/** Start at Stowage, sign in at the provider as `login`, stop before the callback. */
export async function toCallback(app: FastifyInstance, origin: string, login: string) {
  const start = await app.inject({ url: '/api/auth/sso/start' });
  expect(start.statusCode).toBe(302);
  const flowCookie = cookieOf(start, SSO_FLOW_COOKIE)!;
  expect(flowCookie).toBeDefined();
  const authorize = new URL(start.headers.location as string);
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorize.searchParams.get('state')).toBeTruthy();
  expect(authorize.searchParams.get('nonce')).toBeTruthy();
  const browser = new ProviderBrowser();
  const stop = await browser.run(authorize.href, origin, login);
  const callback = new URL(stop.url);
  expect(callback.pathname).toBe('/api/auth/sso/callback');
  return { authorize, callback, flowCookie, browser };
}

/** The provider's answer brought back to Stowage, with the flow cookie (or without). */
export const callbackWith = (app: FastifyInstance, callback: URL, flowCookie: string | undefined) =>
  app.inject({
    url: callback.pathname + callback.search,
    headers: flowCookie ? { cookie: flowCookie } : {},
  });

/** The whole flow; the session cookie and the headers a signed-in browser sends. */
export async function ssoSignIn(app: FastifyInstance, origin: string, login: string) {
  const { callback, flowCookie, browser } = await toCallback(app, origin, login);
  const res = await callbackWith(app, callback, flowCookie);
  expect(res.statusCode, res.payload).toBe(303);
  const session = cookieOf(res, SESSION_COOKIE)!;
  expect(session).toBeDefined();
  const headers = { cookie: session, [CSRF_HEADER]: CSRF_HEADER_VALUE };
  return { res, headers, browser, callback, flowCookie };
}
