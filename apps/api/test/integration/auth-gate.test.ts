import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '@stowage/shared';
import { build, createBucket, q, type TestApp } from '../helper.js';

let app: TestApp;
let bucket: string;
beforeAll(async () => {
  // stowage.test stands for a name the operator listed (STOWAGE_ALLOWED_HOSTS).
  app = await build(
    {},
    { http: { allowedHosts: { any: false, names: ['localhost', 'stowage.test'] } } },
  );
  bucket = await createBucket(app, 'gate');
});
afterAll(() => app.close());

/** A request to the route with its parameters filled in. */
const urlOf = (pattern: string) =>
  `${pattern.replace(':bucket', bucket)}?${q({ key: 'k.txt', prefix: 'p/' })}`;

const PUBLIC = [
  'DELETE /api/session',
  'GET /api/health',
  'GET /api/ready',
  'GET /api/session',
  'GET /s/:token',
  'GET /s/:token/info',
  'HEAD /api/health',
  'HEAD /api/ready',
  'HEAD /api/session',
  'HEAD /s/:token',
  'HEAD /s/:token/info',
  'POST /api/session',
  'POST /s/:token/unlock',
  'POST /s/:token/upload',
];

describe('the auth gate', () => {
  it("marks exactly health, readiness, the session routes and share links' /s/ routes public", () => {
    const publicRoutes = app.routeList
      .filter((r) => r.public)
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(publicRoutes).toEqual(PUBLIC);
  });

  it('answers 401 on every other /api route without a session (list from the router)', async () => {
    const guarded = app.routeList.filter((r) => r.url.startsWith('/api') && !r.public);
    // The router holds the object routes, the docs and the write routes: none is forgotten.
    expect(guarded.length).toBeGreaterThan(15);
    expect(guarded.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining([
        'GET /api/buckets',
        'POST /api/buckets/:bucket/upload',
        'GET /api/docs/json',
      ]),
    );
    for (const route of guarded) {
      const res = await app.injectRaw({
        method: route.method as 'GET',
        url: urlOf(route.url),
        // The CSRF header is sent: the session alone is missing.
        headers: { [CSRF_HEADER]: '1' },
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
      if (route.method !== 'HEAD') {
        expect(res.json(), `${route.method} ${route.url}`).toEqual({
          statusCode: 401,
          code: 'NotSignedIn',
          error: 'Unauthorized',
          message: 'Sign in to use Stowage',
          requestId: expect.any(String),
        });
      }
    }
  });

  it('answers 401 on every one of them spelled /%61pi/… (the router decodes; the gate follows the route)', async () => {
    const guarded = app.routeList.filter((r) => r.url.startsWith('/api') && !r.public);
    for (const route of guarded) {
      const res = await app.injectRaw({
        method: route.method as 'GET',
        url: urlOf(route.url).replace(/^\/api/, '/%61pi'),
        headers: { [CSRF_HEADER]: '1' },
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it('answers 421 on every route, public or not, for a Host that does not name this server', async () => {
    expect(app.routeList.length).toBeGreaterThan(20);
    for (const route of app.routeList) {
      const res = await app.inject({
        method: route.method as 'GET',
        url: urlOf(route.url.replace('*', 'x')),
        // With the session and the CSRF header: only the Host is wrong.
        headers: { host: 'rebind.attacker.example', origin: 'http://rebind.attacker.example' },
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(421);
    }
  });

  it('answers the same routes with a session', async () => {
    const res = await app.inject(`/api/buckets/${bucket}/objects`);
    expect(res.statusCode).toBe(200);
  });

  it('lets health and the session answer without one', async () => {
    expect((await app.injectRaw('/api/health')).statusCode).toBe(200);
    const session = await app.injectRaw('/api/session');
    expect(session.statusCode).toBe(200);
    expect(session.json()).toEqual({
      signedIn: false,
      profiles: [{ name: 'test', signIn: 'keys', readOnly: false }],
      defaultProfile: 'test',
    });
  });
});

describe('CSRF', () => {
  const writes = () =>
    app.routeList.filter(
      (r) => r.url.startsWith('/api') && ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method),
    );

  it('refuses every state-changing route without the header, even with a session', async () => {
    expect(writes().length).toBeGreaterThanOrEqual(8);
    for (const route of writes()) {
      const { [CSRF_HEADER]: _dropped, ...cookieOnly } = app.sessionHeaders;
      const res = await app.injectRaw({
        method: route.method as 'POST',
        url: urlOf(route.url),
        headers: cookieOnly,
        payload: {},
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(403);
      expect(res.json().message).toBe('This request needs the header x-stowage-csrf: 1');
    }
  });

  it('refuses a cross-site request even with the header and the cookie', async () => {
    const res = await app.inject({
      method: 'DELETE',
      url: `/api/buckets/${bucket}/object?${q({ key: 'k.txt' })}`,
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toBe('Cross-site requests are refused');
  });

  it('refuses a request from another origin, and a sandboxed (null) origin', async () => {
    const others = [
      'http://evil.example',
      'null',
      'https://localhost', // same host, another scheme
      'http://localhost:8080', // same host, another port
    ];
    for (const origin of others) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/session',
        headers: { origin },
        payload: { password: 'x' },
      });
      expect(res.statusCode, origin).toBe(403);
      expect(res.json().message).toBe('Requests from another origin are refused');
    }
  });

  it('accepts a same-origin request with the header', async () => {
    const res = await app.inject({
      method: 'DELETE',
      url: `/api/buckets/${bucket}/object?${q({ key: 'k.txt' })}`,
      headers: {
        origin: 'http://stowage.test:8080',
        host: 'stowage.test:8080',
        'sec-fetch-site': 'same-origin',
      },
    });
    expect(res.statusCode).toBe(204);
  });

  it('leaves reads alone', async () => {
    const res = await app.inject({
      url: '/api/buckets',
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    // A cross-site read cannot be read back by the other site (no CORS); SameSite=Strict
    // keeps the cookie off it in a browser anyway.
    expect(res.statusCode).toBe(200);
  });
});

describe('security headers', () => {
  it('sends a strict CSP, frame-ancestors none and no-referrer on API answers', async () => {
    const res = await app.inject('/api/buckets');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('sends them on the SPA too, without a session (the login page loads)', async () => {
    const webDir = fileURLToPath(new URL('../../../web/dist', import.meta.url));
    const spa = await build({}, { webDir, signIn: false });
    try {
      for (const url of ['/', '/buckets/some/deep/link']) {
        const res = await spa.injectRaw(url);
        expect(res.statusCode, url).toBe(200);
        expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(res.payload).toContain('<div id="root">');
        const csp = String(res.headers['content-security-policy']);
        expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';");
        expect(csp).toContain("style-src 'self';");
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).toContain("connect-src 'self'");
        expect(csp).toContain("img-src 'self' blob: data:");
        expect(res.headers['referrer-policy']).toBe('no-referrer');
      }
      // The built page needs nothing inline: no inline script or style a CSP would block.
      const index = (await spa.injectRaw('/')).payload;
      expect(index).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(index).not.toMatch(/<style|style="/);
    } finally {
      await spa.close();
    }
  });
});
