import { expect } from '@playwright/test';
import { VersioningDialog } from './pages/dialogs';
import { expectAccessible, useTheme } from './support/a11y';
import { makeApiBucket, removeApiBucket } from './support/api-buckets';
import { test as base } from './support/fixtures';
import { cephS3 } from './support/s3';

// The axe audit (WCAG 2.1 AA) of what only a versioning store shows, in both themes.

const test = base.extend<{ bucket: string }>({
  bucket: async ({ request }, use) => {
    const bucket = await makeApiBucket(request, 'a11y', { versioning: true });
    await use(bucket);
    await removeApiBucket(request, bucket);
  },
});

for (const theme of ['light', 'dark'] as const) {
  test(`${theme} theme: the Versions tab, Restore and Delete permanently, Show deleted, and "Suspend versioning"`, async ({
    page,
    bucket,
    folderPage,
    detailsPanel,
  }) => {
    test.setTimeout(180_000);
    await useTheme(page, theme);
    cephS3.put(bucket, 'doc.txt', 'one');
    cephS3.put(bucket, 'doc.txt', 'two');
    cephS3.put(bucket, 'gone.txt', 'gone');
    cephS3.delete(bucket, 'gone.txt');

    await folderPage.gotoBucket(bucket, '', 'doc.txt');
    await expect(folderPage.versioningStatus).toHaveText('Versioning: on');
    await detailsPanel.tab('Versions').click();
    await expect(detailsPanel.versionItems).toHaveCount(2);
    await expectAccessible(page, 'the Versions tab');

    await folderPage.showDeleted.check();
    await expect(folderPage.deletedLabel('gone.txt')).toBeVisible();
    await expectAccessible(page, 'Show deleted');

    // A version's Restore and "Delete … permanently?".
    const older = detailsPanel.versionItems.nth(1);
    for (const [action, title] of [
      ['Restore', 'Make this version current?'],
      ['Delete permanently', /^Delete version \S+ permanently\?$/],
    ] as const) {
      await detailsPanel.versionAction(older, action).click();
      const dialog = page.getByRole('dialog', { name: title });
      await expect(dialog).toBeVisible();
      await expectAccessible(page, `the version's ${action}`);
      await page.keyboard.press('Escape');
      await expect(dialog).toHaveCount(0);
    }

    await folderPage.suspendVersioning.click();
    const suspend = new VersioningDialog(page, 'Suspend', bucket);
    await expect(suspend.root).toBeVisible();
    await expectAccessible(page, 'Suspend versioning');
    await page.keyboard.press('Escape');
    await expect(suspend.root).toHaveCount(0);
  });
}
