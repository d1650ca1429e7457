import { expect, type Page } from '@playwright/test';
import { BUCKETS_PATH, SESSION_PATH } from '@stowage/shared';
import { DEMO_BUCKET, STORE_KEYS } from './support/demo';
import { test } from './support/fixtures';
import { SIGNED_OUT } from './support/session';

// These tests sign in and out themselves.
test.use({ storageState: SIGNED_OUT });

async function sessionOf(page: Page) {
  const res = await page.request.get(SESSION_PATH);
  expect(res.status()).toBe(200);
  return (await res.json()) as { signedIn: boolean; who?: string };
}

test('wrong keys: a clear error, no session, and the secret is kept nowhere', async ({
  page,
  loginPage,
}) => {
  const secret = 'not-the-secret-7f3a';
  await page.goto('/');
  await loginPage.signIn({ accessKeyId: STORE_KEYS.accessKeyId, secretAccessKey: secret });

  const alert = loginPage.form.getByRole('alert');
  await expect(alert).toContainText('Sign-in failed.');
  await expect(loginPage.submit).toBeEnabled();
  expect((await sessionOf(page)).signedIn).toBe(false);
  expect((await page.request.get(BUCKETS_PATH)).status()).toBe(401);

  // Not in the URL, nor in any storage of the page.
  expect(page.url()).not.toContain(secret);
  const stored = await page.evaluate(() =>
    JSON.stringify([{ ...localStorage }, { ...sessionStorage }, document.cookie]),
  );
  expect(stored).not.toContain(secret);
  // The secret key field is a password field the browser is asked not to remember.
  await expect(loginPage.secretKey).toHaveAttribute('type', 'password');
  await expect(loginPage.secretKey).toHaveAttribute('autocomplete', 'off');
});

test('an empty form is refused by the shared schema before any request', async ({
  page,
  loginPage,
}) => {
  await page.goto('/');
  const posts: string[] = [];
  page.on('request', (req) => {
    if (req.method() === 'POST') posts.push(req.url());
  });
  await loginPage.submit.click();
  await expect(loginPage.form.getByText('Enter your access key')).toBeVisible();
  await expect(loginPage.form.getByText('Enter your secret key')).toBeVisible();
  expect(posts).toEqual([]);
});

test('right keys: the bucket list; sign out: the login page, and Back shows no data', async ({
  page,
  loginPage,
  appHeader,
  bucketList,
  folderPage,
}) => {
  await page.goto('/');
  await expect(loginPage.form).toBeVisible();
  await loginPage.signIn();

  await expect(bucketList.bucketLink(DEMO_BUCKET)).toBeVisible();
  await expect(appHeader.root).toContainText(STORE_KEYS.accessKeyId);
  await expect(appHeader.root.getByText('read-only')).toHaveCount(0);
  expect(await sessionOf(page)).toMatchObject({ signedIn: true, who: STORE_KEYS.accessKeyId });

  await bucketList.bucketLink(DEMO_BUCKET).click();
  await expect(folderPage.row('README.txt')).toBeVisible();

  const cookiesBefore = await page.context().cookies();
  await appHeader.signOutButton.click();
  await expect(loginPage.form).toBeVisible();
  await expect(folderPage.grid).toHaveCount(0);
  expect((await sessionOf(page)).signedIn).toBe(false);
  expect((await page.request.get(BUCKETS_PATH)).status()).toBe(401);
  // A copy of the old cookie (another tab, a stolen copy) is refused by the server too.
  await page.context().addCookies(cookiesBefore);
  expect((await page.request.get(BUCKETS_PATH)).status()).toBe(401);
  await page.context().clearCookies();

  // Back (to the bucket list's entry) and forward again: still the login page, no data.
  await page.goBack();
  await expect(loginPage.form).toBeVisible();
  await page.goForward();
  await expect(loginPage.form).toBeVisible();
  await expect(page.getByText('README.txt')).toHaveCount(0);
  await expect(bucketList.table).toHaveCount(0);
});

test('a deep link while signed out: the login page, then that very page', async ({
  page,
  loginPage,
  folderPage,
}) => {
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
    (url) => url.pathname === SESSION_PATH,
    async (route) => {
      if (!sessionHeld && route.request().method() === 'GET') {
        sessionHeld = true;
        await refused;
      }
      await route.continue();
    },
  );
  await folderPage.goto('docs/');
  await expect(loginPage.form).toBeVisible();
  await expect(folderPage.grid).toHaveCount(0);
  await expect(page.getByText('Your session has ended')).toHaveCount(0);

  await loginPage.signIn();
  await folderPage.expectBreadcrumb([DEMO_BUCKET, 'docs']);
  await expect(folderPage.grid).toBeVisible();
  expect(new URL(page.url()).searchParams.get('prefix')).toBe('docs/');
});

test('a session that ends mid-way: the login page says so, and signing in returns there', async ({
  page,
  loginPage,
  folderPage,
}) => {
  await folderPage.goto();
  await loginPage.signIn();
  await expect(folderPage.row('docs/')).toBeVisible();

  // The session ends behind the page's back (as on expiry): the next call answers 401.
  await page.context().clearCookies();
  await folderPage.openRow('docs/');

  await expect(loginPage.form).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Your session has ended, sign in again.');
  await expect(folderPage.grid).toHaveCount(0);

  await loginPage.signIn();
  await folderPage.expectBreadcrumb([DEMO_BUCKET, 'docs']);
  await expect(page.getByText('Your session has ended')).toHaveCount(0);
});
