import { expect, test as setup } from '@playwright/test';
import { signInThroughForm } from './helpers';
import { authStatePath } from './servers';

// Signs in once through the real login form; the specs start from the saved cookie
// (playwright.config.ts: storageState), and so does their `request` fixture.
setup('sign in with the embedded store’s keys', async ({ page }) => {
  await page.goto('/');
  await signInThroughForm(page);
  await expect(page.getByRole('table', { name: 'Buckets' })).toBeVisible();
  await page.context().storageState({ path: authStatePath });
});
