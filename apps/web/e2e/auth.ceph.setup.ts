import { expect, test as setup } from '@playwright/test';
import { BucketListPage } from './pages/bucket-list-page';
import { LoginPage } from './pages/login-page';
import { CEPH_KEYS, cephAuthStatePath } from './servers';

// The ceph project's sign-in: the RGW user's keys through the login form (key sign-in).
setup('sign in to the Ceph-backed server with the RGW keys', async ({ page }) => {
  await page.goto('/');
  await new LoginPage(page).signIn(CEPH_KEYS);
  await expect(new BucketListPage(page).table.or(page.getByText('No buckets'))).toBeVisible();
  await page.context().storageState({ path: cephAuthStatePath });
});
