import { expect } from '@playwright/test';
import { DeleteDialog } from './pages/dialogs';
import { putObjectViaApi } from './support/api';
import { folderTest as test } from './support/fixtures';

// The e2e server is an admin's (STOWAGE_ADMIN=true) with an audit file (playwright.config.ts).
test('an admin deletes a file, then finds it on the Activity page filtered by action', async ({
  page,
  request,
  folder,
  folderPage,
  toasts,
}) => {
  await putObjectViaApi(request, `${folder}doomed.txt`, 'soon gone\n');
  await putObjectViaApi(request, `${folder}kept.txt`, 'stays\n');
  await folderPage.goto(folder);
  await folderPage.rowAction('doomed.txt', 'Delete');
  const dialog = new DeleteDialog(page, 'Delete doomed.txt?');
  await dialog.confirm();
  // Done whole: a toast says so, and the dialog is gone.
  await expect(toasts.toast('Deleted 1 object')).toBeVisible();
  await expect(dialog.root).toHaveCount(0);

  // The header links admins to Activity.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Activity' })
    .click();
  await expect(page).toHaveURL(/\/activity$/);
  await expect(page.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible();
  const table = page.getByRole('table', { name: 'Activity' });
  // Everything written so far, the sign-in included.
  await expect(table.getByRole('row', { name: /auth\.sign-in/ }).first()).toBeVisible();

  await page.getByRole('textbox', { name: 'Action' }).fill('object.delete');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/\/activity\?action=object\.delete$/);
  const row = table.getByRole('row', { name: new RegExp(`${folder}doomed\\.txt`) });
  await expect(row).toBeVisible();
  await expect(row).toContainText('object.delete');
  await expect(row).toContainText('S3RVER');
  await expect(row).toContainText('204');
  // Only deletes: the uploads and the sign-in are filtered out.
  await expect(table.getByRole('row', { name: /auth\.sign-in|object\.upload/ })).toHaveCount(0);

  // The filter is in the address: a reload keeps it.
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Action' })).toHaveValue('object.delete');
  await expect(table.getByRole('row', { name: new RegExp(`${folder}doomed\\.txt`) })).toBeVisible();
});
