import { expect } from '@playwright/test';
import { test } from './support/fixtures';

test('a bucket that does not exist offers no upload, and a way back to the bucket list', async ({
  page,
  folderPage,
  bucketList,
}) => {
  await folderPage.gotoBucket('no-such-bucket-e2e');

  const alert = page.getByTestId('listing').getByRole('alert');
  await expect(alert).toContainText('Could not list this folder.');
  await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
  // Nothing to upload into: no Upload / New text object.
  for (const name of ['Upload files', 'Upload folder', 'New text object']) {
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
  }

  await alert.getByRole('link', { name: 'Back to the bucket list' }).click();
  await expect(bucketList.heading).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
});
