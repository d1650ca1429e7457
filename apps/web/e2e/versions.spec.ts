import { expect } from '@playwright/test';
import { DeleteDialog } from './pages/dialogs';
import { test } from './support/fixtures';

// On s3rver (the embedded store), which keeps no versions: the capability probe says
// "unsupported", and nothing of versions is offered (versions.ceph.spec.ts has them on Ceph).
test('where the store keeps no versions: no Versions tab, no Show deleted, no Enable; a delete says it is for good', async ({
  page,
  folderPage,
  detailsPanel,
}) => {
  await folderPage.goto('', 'README.txt');
  await expect(folderPage.versioningStatus).toHaveText('Versioning: not supported by this store');
  await expect(detailsPanel.previewText).toBeVisible();
  await expect(detailsPanel.tab('Versions')).toHaveCount(0);
  await expect(page.getByRole('tablist')).toHaveCount(0);
  await expect(folderPage.showDeleted).toHaveCount(0);
  await expect(folderPage.enableVersioning).toHaveCount(0);
  await expect(folderPage.suspendVersioning).toHaveCount(0);

  // ?deleted=1 in a URL changes nothing here.
  await page.goto(`${page.url()}&deleted=1`);
  await expect(folderPage.versioningStatus).toHaveText('Versioning: not supported by this store');
  await expect(folderPage.showDeleted).toHaveCount(0);
  await expect(folderPage.grid.getByText('Deleted', { exact: true })).toHaveCount(0);

  await detailsPanel.root.getByRole('button', { name: 'Delete' }).click();
  const dialog = new DeleteDialog(page, 'Delete README.txt?');
  await expect(dialog.root).toContainText('This cannot be undone.');
  await expect(dialog.root).not.toContainText('delete marker');
  await dialog.root.getByRole('button', { name: 'Cancel' }).click();
});
