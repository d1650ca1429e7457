import { expect } from '@playwright/test';
import { folderTest as test, objectApiPath, putObjectViaApi } from './helpers';
import { appURL, readOnlyURL } from './servers';

// Another port of the same host is another origin but the same site, so the SameSite=Strict
// session cookie does go along: the CSRF header is what stops the request.
test('a cross-origin POST with the session cookie but without the header is refused', async ({
  page,
  request,
  folder,
}) => {
  const key = `${folder}csrf.txt`;
  const target = `${appURL}/api/buckets/demo/upload?key=${encodeURIComponent(key)}`;

  // A page of the other origin posts a multipart form, which needs no CORS preflight.
  await page.goto(`${readOnlyURL}/api/health`);
  const answer = page.waitForResponse((res) => res.url() === target);
  await page.evaluate(async (url) => {
    const form = new FormData();
    form.append('size', '6');
    form.append('file', new Blob(['pwned!']), 'csrf.txt');
    await fetch(url, { method: 'POST', body: form, credentials: 'include', mode: 'no-cors' });
  }, target);
  const res = await answer;
  expect(res.status()).toBe(403);
  // The browser did send the session: without it the answer would have been 401.
  expect(await res.request().headerValue('cookie')).toBeTruthy();
  expect((await request.get(objectApiPath(key))).status()).toBe(404);

  // A plain HTML form, submitted cross-origin: refused as well.
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
  expect((await formAnswer).status()).toBe(403);
  expect((await request.get(objectApiPath(key))).status()).toBe(404);

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
