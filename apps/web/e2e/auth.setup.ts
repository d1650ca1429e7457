import { expect, test as setup } from '@playwright/test';
import { BucketListPage } from './pages/bucket-list-page';
import { LoginPage } from './pages/login-page';
import { authStatePath } from './servers';

// Signs in once through the real login form; the specs start from the saved cookie
// (playwright.config.ts: storageState), and so does their `request` fixture.
setup('sign in with the embedded store’s keys', async ({ page }) => {
  await page.goto('/');
  await new LoginPage(page).signIn();
  await expect(new BucketListPage(page).table).toBeVisible();
  await page.context().storageState({ path: authStatePath });
});
