import { expect, test } from '@playwright/test';
import { gridRow, loginForm, objectGrid, openRow, signInThroughForm } from './helpers';
import { SIGNED_OUT } from './support/session';
import { appFolderUrl } from './support/urls';
import { readOnlyURL } from './servers';

// On the read-only server: ending every session of the embedded store's key there leaves the
// main server's shared session (the other specs') alone. Its own specs sign in per test.
test.use({ baseURL: readOnlyURL, storageState: SIGNED_OUT });

test('sign out everywhere: this tab shows the login page, another browser’s session ends too', async ({
  page,
  browser,
}) => {
  const other = await browser.newContext({ baseURL: readOnlyURL, storageState: SIGNED_OUT });
  try {
    const otherPage = await other.newPage();
    await otherPage.goto(appFolderUrl());
    await signInThroughForm(otherPage);
    await expect(gridRow(otherPage, 'docs/')).toBeVisible();

    await page.goto(appFolderUrl());
    await signInThroughForm(page);
    await expect(gridRow(page, 'docs/')).toBeVisible();
    await page.getByRole('banner').getByRole('button', { name: 'Sign out everywhere' }).click();
    await expect(loginForm(page)).toBeVisible();
    expect((await page.request.get('/api/buckets')).status()).toBe(401);

    // The other browser still holds its cookie; the server refuses it now.
    await openRow(otherPage, 'docs/');
    await expect(loginForm(otherPage)).toBeVisible();
    await expect(otherPage.getByRole('alert')).toContainText(
      'Your session has ended, sign in again.',
    );

    // Signing in again works.
    await signInThroughForm(otherPage);
    await expect(objectGrid(otherPage)).toBeVisible();
  } finally {
    await other.close();
  }
});
