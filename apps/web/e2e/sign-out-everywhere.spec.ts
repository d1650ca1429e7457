import { expect } from '@playwright/test';
import { FolderPage } from './pages/folder-page';
import { LoginPage } from './pages/login-page';
import { test } from './support/fixtures';
import { SIGNED_OUT } from './support/session';
import { readOnlyURL } from './servers';

// On the read-only server: ending every session of the embedded store's key there leaves the
// main server's shared session (the other specs') alone. Its own specs sign in per test.
test.use({ baseURL: readOnlyURL, storageState: SIGNED_OUT });

test('sign out everywhere: this tab shows the login page, another browser’s session ends too', async ({
  browser,
  page,
  loginPage,
  appHeader,
  folderPage,
}) => {
  const other = await browser.newContext({ baseURL: readOnlyURL, storageState: SIGNED_OUT });
  try {
    const otherPage = await other.newPage();
    const otherFolder = new FolderPage(otherPage);
    const otherLogin = new LoginPage(otherPage);
    await otherFolder.goto();
    await otherLogin.signIn();
    await expect(otherFolder.row('docs/')).toBeVisible();

    await folderPage.goto();
    await loginPage.signIn();
    await expect(folderPage.row('docs/')).toBeVisible();
    await appHeader.signOutEverywhereButton.click();
    await expect(loginPage.form).toBeVisible();
    expect((await page.request.get('/api/buckets')).status()).toBe(401);

    // The other browser still holds its cookie; the server refuses it now.
    await otherFolder.openRow('docs/');
    await expect(otherLogin.form).toBeVisible();
    await expect(otherPage.getByRole('alert')).toContainText(
      'Your session has ended, sign in again.',
    );

    // Signing in again works.
    await otherLogin.signIn();
    await expect(otherFolder.grid).toBeVisible();
  } finally {
    await other.close();
  }
});
