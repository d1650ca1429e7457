import { expect } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { objectApiPath, putObjectViaApi, uploadApiPath } from './support/api';
import { folderTest as test } from './support/fixtures';
import { appURL } from './servers';

/** The attacker's page: a plain HTML page (no CSP) served from another port (port 0). */
async function startOtherOrigin(): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>elsewhere</title><p>another origin</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${String(port)}/`, server };
}

// Another port of the same host is another origin but the same site, so the SameSite=Strict
// session cookie does go along: the CSRF checks are what stop the request.
test('a cross-origin POST with the session cookie but without the header is refused', async ({
  page,
  request,
  folder,
}) => {
  const key = `${folder}csrf.txt`;
  const target = `${appURL}${uploadApiPath(key)}`;

  const other = await startOtherOrigin();
  try {
    // A page of the other origin posts a multipart form, which needs no CORS preflight.
    await page.goto(other.url);
    const sent = page.waitForRequest((req) => req.url() === target && req.method() === 'POST');
    await page.evaluate(async (url) => {
      const form = new FormData();
      form.append('size', '6');
      form.append('file', new Blob(['pwned!']), 'csrf.txt');
      // The answer itself is withheld from this page (opaque, and CORP): only its effect counts.
      await fetch(url, {
        method: 'POST',
        body: form,
        credentials: 'include',
        mode: 'no-cors',
      }).catch(() => undefined);
    }, target);
    // It did go out: yet nothing was written.
    await sent;
    expect((await request.get(objectApiPath(key))).status()).toBe(404);

    // A plain HTML form, submitted cross-origin (a navigation, so its answer can be seen): 403.
    const formAnswer = page.waitForResponse((r) => r.url() === target);
    await page.evaluate((url) => {
      const form = document.createElement('form');
      form.method = 'POST';
      form.action = url;
      form.enctype = 'multipart/form-data';
      const size = document.createElement('input');
      size.name = 'size';
      size.value = '0';
      form.append(size);
      document.body.append(form);
      form.submit();
    }, target);
    const refused = await formAnswer;
    await page.waitForURL(target);
    expect(refused.status()).toBe(403);
    // With the session cookie (same site): without it the answer would have been 401.
    expect(await refused.request().headerValue('cookie')).toBeTruthy();
    expect((await request.get(objectApiPath(key))).status()).toBe(404);
  } finally {
    other.server.closeAllConnections();
    await new Promise((resolve) => other.server.close(resolve));
  }

  // From the app's own origin, a write without the header is refused too.
  await page.goto('/');
  const sameOrigin = await page.evaluate(async (url) => {
    const form = new FormData();
    form.append('size', '6');
    form.append('file', new Blob(['pwned!']), 'csrf.txt');
    const res = await fetch(url, { method: 'POST', body: form });
    return { status: res.status, body: (await res.json()) as { message: string } };
  }, target);
  expect(sameOrigin.status).toBe(403);
  expect(sameOrigin.body.message).toMatch(/x-stowage-csrf/i);
  expect((await request.get(objectApiPath(key))).status()).toBe(404);

  // The same write with the header (what the app sends) goes through: the route itself works.
  await putObjectViaApi(request, key, 'fine');
  expect((await request.get(objectApiPath(key))).status()).toBe(200);
});
