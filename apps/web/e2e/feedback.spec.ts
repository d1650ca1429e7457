import { expect } from '@playwright/test';
import { DeleteDialog } from './pages/dialogs';
import { listKeysViaApi, putObjectViaApi } from './support/api';
import { folderTest as test } from './support/fixtures';

// Lightweight feedback: what went through says so in a toast, not in a modal to close.

test('a delete that went through whole closes its dialog and says so in a toast, without Undo here', async ({
  page,
  request,
  folder,
  folderPage,
  toasts,
}) => {
  await putObjectViaApi(request, `${folder}a.txt`, 'a');
  await putObjectViaApi(request, `${folder}b.txt`, 'b');
  await folderPage.goto(folder);
  await folderPage.expectRowNames(['a.txt', 'b.txt']);

  await folderPage.rowAction('a.txt', 'Delete');
  const dialog = new DeleteDialog(page, 'Delete a.txt?');
  await dialog.confirm();
  // No modal left titled with the question: the toast says what happened.
  await expect(dialog.root).toHaveCount(0);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const toast = toasts.toast('Deleted 1 object');
  await expect(toast).toBeVisible();
  // s3rver keeps no versions: nothing to undo, so no Undo is offered.
  await expect(toast.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  await folderPage.expectRowNames(['b.txt']);
  expect(await listKeysViaApi(request, folder)).toEqual([`${folder}b.txt`]);
});

test('saving tags and metadata says "saved" in a toast', async ({
  request,
  folder,
  folderPage,
  detailsPanel,
  toasts,
}) => {
  const key = `${folder}note.txt`;
  await putObjectViaApi(request, key, 'note');
  await folderPage.goto(folder, key);

  await detailsPanel.root.getByRole('button', { name: 'Edit tags' }).click();
  const tagsForm = detailsPanel.editForm('Edit tags');
  await tagsForm.getByRole('button', { name: 'Add tag' }).click();
  await tagsForm.getByLabel('Tag key 1', { exact: true }).fill('env');
  await tagsForm.getByLabel('Tag value 1', { exact: true }).fill('prod');
  await tagsForm.getByRole('button', { name: 'Save' }).click();
  await expect(tagsForm).toHaveCount(0);
  await expect(toasts.toast('Tags saved')).toBeVisible();
  await expect(detailsPanel.tableValue('Tags', 'env')).toHaveText('prod');

  await detailsPanel.root.getByRole('button', { name: 'Edit metadata' }).click();
  const form = detailsPanel.editForm('Edit metadata');
  await form.getByLabel('Cache-Control', { exact: true }).fill('max-age=60');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toHaveCount(0);
  await expect(toasts.toast('Metadata saved')).toBeVisible();
  await expect(detailsPanel.field('Cache-Control')).toHaveText('max-age=60');
});
