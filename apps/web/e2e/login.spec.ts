import { expect, test, type Page } from '@playwright/test';
import {
  expectBreadcrumb,
  gridRow,
  loginForm,
  objectGrid,
  openRow,
  signInThroughForm,
} from './helpers';
import { DEMO_BUCKET, STORE_KEYS } from './support/demo';
import { SIGNED_OUT } from './support/session';
import { appFolderUrl } from './support/urls';

// These tests sign in and out themselves.
test.use({ storageState: SIGNED_OUT });

async function sessionOf(page: Page) {
  const res = await page.request.get('/api/session');
  expect(res.status()).toBe(200);
  return (await res.json()) as { signedIn: boolean; who?: string };
}

function header(page: Page) {
  return page.getByRole('banner');
}

test('wrong keys: a clear error, no session, and the secret is kept nowhere', async ({ page }) => {
  const secret = 'not-the-secret-7f3a';
  await page.goto('/');
  await signInThroughForm(page, { accessKeyId: STORE_KEYS.accessKeyId, secretAccessKey: secret });

  const alert = loginForm(page).getByRole('alert');
  await expect(alert).toContainText('Sign-in failed.');
  await expect(loginForm(page).getByRole('button', { name: 'Sign in' })).toBeEnabled();
  expect((await sessionOf(page)).signedIn).toBe(false);
  expect((await page.request.get('/api/buckets')).status()).toBe(401);

  // Not in the URL, nor in any storage of the page.
  expect(page.url()).not.toContain(secret);
  const stored = await page.evaluate(() =>
    JSON.stringify([{ ...localStorage }, { ...sessionStorage }, document.cookie]),
  );
  expect(stored).not.toContain(secret);
  // The secret key field is a password field the browser is asked not to remember.
  const secretField = loginForm(page).getByLabel('Secret key');
  await expect(secretField).toHaveAttribute('type', 'password');
  await expect(secretField).toHaveAttribute('autocomplete', 'off');
});

test('an empty form is refused by the shared schema before any request', async ({ page }) => {
  await page.goto('/');
  const posts: string[] = [];
  page.on('request', (req) => {
    if (req.method() === 'POST') posts.push(req.url());
  });
  await loginForm(page).getByRole('button', { name: 'Sign in' }).click();
  await expect(loginForm(page).getByText('Enter your access key')).toBeVisible();
  await expect(loginForm(page).getByText('Enter your secret key')).toBeVisible();
  expect(posts).toEqual([]);
});

test('right keys: the bucket list; sign out: the login page, and Back shows no data', async ({
  page,
}) => {
  await page.goto('/');
  await expect(loginForm(page)).toBeVisible();
  await signInThroughForm(page);

  await expect(page.getByRole('link', { name: DEMO_BUCKET, exact: true })).toBeVisible();
  await expect(header(page)).toContainText(STORE_KEYS.accessKeyId);
  await expect(header(page).getByText('read-only')).toHaveCount(0);
  expect(await sessionOf(page)).toMatchObject({ signedIn: true, who: STORE_KEYS.accessKeyId });

  await page.getByRole('link', { name: DEMO_BUCKET, exact: true }).click();
  await expect(gridRow(page, 'README.txt')).toBeVisible();

  const cookiesBefore = await page.context().cookies();
  await header(page).getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(loginForm(page)).toBeVisible();
  await expect(objectGrid(page)).toHaveCount(0);
  expect((await sessionOf(page)).signedIn).toBe(false);
  expect((await page.request.get('/api/buckets')).status()).toBe(401);
  // A copy of the old cookie (another tab, a stolen copy) is refused by the server too.
  await page.context().addCookies(cookiesBefore);
  expect((await page.request.get('/api/buckets')).status()).toBe(401);
  await page.context().clearCookies();

  // Back (to the bucket list's entry) and forward again: still the login page, no data.
  await page.goBack();
  await expect(loginForm(page)).toBeVisible();
  await page.goForward();
  await expect(loginForm(page)).toBeVisible();
  await expect(page.getByText('README.txt')).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Buckets' })).toHaveCount(0);
});

test('a deep link while signed out: the login page, then that very page', async ({ page }) => {
  // The folder's first page is asked for beside the session check. Its 401 is let through once
  // the app waits for the session (the gate is up), and the session answers after it: that
  // 401 is no "ended" session. (One-shot flags, not `times: 1`, which lets held routes go.)
  let pageHeld = false;
  let sessionHeld = false;
  await page.route(
    (url) => url.pathname.endsWith('/objects'),
    async (route) => {
      if (!pageHeld) {
        pageHeld = true;
        await expect(page.getByText('Loading…')).toBeVisible();
      }
      await route.continue();
    },
  );
  const refused = page.waitForResponse(
    (res) => new URL(res.url()).pathname.endsWith('/objects') && res.status() === 401,
  );
  await page.route(
    (url) => url.pathname === '/api/session',
    async (route) => {
      if (!sessionHeld && route.request().method() === 'GET') {
        sessionHeld = true;
        await refused;
      }
      await route.continue();
    },
  );
  await page.goto(appFolderUrl('docs/'));
  await expect(loginForm(page)).toBeVisible();
  await expect(objectGrid(page)).toHaveCount(0);
  await expect(page.getByText('Your session has ended')).toHaveCount(0);

  await signInThroughForm(page);
  await expectBreadcrumb(page, [DEMO_BUCKET, 'docs']);
  await expect(objectGrid(page)).toBeVisible();
  expect(new URL(page.url()).searchParams.get('prefix')).toBe('docs/');
});

test('a session that ends mid-way: the login page says so, and signing in returns there', async ({
  page,
}) => {
  await page.goto(appFolderUrl());
  await signInThroughForm(page);
  await expect(gridRow(page, 'docs/')).toBeVisible();

  // The session ends behind the page's back (as on expiry): the next call answers 401.
  await page.context().clearCookies();
  await openRow(page, 'docs/');

  await expect(loginForm(page)).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Your session has ended, sign in again.');
  await expect(objectGrid(page)).toHaveCount(0);

  await signInThroughForm(page);
  await expectBreadcrumb(page, [DEMO_BUCKET, 'docs']);
  await expect(page.getByText('Your session has ended')).toHaveCount(0);
});
