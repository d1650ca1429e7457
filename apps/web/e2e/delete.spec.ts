import { expect } from '@playwright/test';
import path from 'node:path';
import { DeleteDialog } from './pages/dialogs';
import { WorkPanel } from './pages/work-panel';
import { listKeysViaApi, objectApiPath, putObjectViaApi } from './support/api';
import { makeTempTree } from './support/files';
import { folderTest as test } from './support/fixtures';

test('deleting a checked selection, then a folder, removes exactly them', async ({
  page,
  request,
  folder,
  folderPage,
  transfersPanel,
  toasts,
}) => {
  const files = {
    'a.txt': 'A\n',
    'b.txt': 'B\n',
    'c.txt': 'C\n',
    'd.txt': 'D\n',
    'e.txt': 'E\n',
    'sub/x.txt': 'In sub.\n',
    'sub/deeper/y.txt': 'Deeper in sub.\n',
  };
  // "Upload folder" with a directory named "batch": its keys start with <folder>batch/.
  const dir = path.join(await makeTempTree(prefixed('batch/', files)), 'batch');
  const batch = `${folder}batch/`;

  await folderPage.goto(folder);
  await folderPage.pickFiles('Upload folder', dir);
  for (const name of Object.keys(files)) await transfersPanel.expectUploaded(`${batch}${name}`);
  await expect(transfersPanel.summary).toHaveText('7 uploaded');
  await transfersPanel.close();
  await folderPage.openRow('batch/');
  await folderPage.expectRowNames(['sub/', 'a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt']);
  // Folders can be checked too (a selection may hold both); this one stays unchecked.
  await expect(folderPage.checkbox('sub/')).not.toBeChecked();

  // --- Two ticks, then a shift-click that checks the range from the last tick.
  const selection = folderPage.selection;
  const check = (name: string) => folderPage.checkbox(name);
  await check('a.txt').click();
  await expect(selection).toContainText('1 selected');
  await check('c.txt').click();
  await expect(selection).toContainText('2 selected');
  await check('e.txt').click({ modifiers: ['Shift'] });
  await expect(selection).toContainText('4 selected');
  for (const name of ['a.txt', 'c.txt', 'd.txt', 'e.txt']) await expect(check(name)).toBeChecked();
  await expect(check('b.txt')).not.toBeChecked();

  await selection.getByRole('button', { name: 'Delete' }).click();
  const dialog = new DeleteDialog(page, 'Delete 4 objects?');
  await expect(dialog.root).toBeVisible();
  await expect(dialog.root).toContainText('These 4 objects will be deleted:');
  await expect(dialog.root.getByRole('listitem')).toHaveText(
    ['a.txt', 'c.txt', 'd.txt', 'e.txt'].map((name) => `${batch}${name}`),
  );
  await dialog.confirm();
  // Done whole: a toast says so, and the dialog is gone.
  await expect(toasts.toast('Deleted 4 objects')).toBeVisible();
  await expect(dialog.root).toHaveCount(0);
  await expect(dialog.root).toHaveCount(0);

  await folderPage.expectRowNames(['sub/', 'b.txt']);
  await expect(selection).toHaveCount(0);
  expect(await listKeysViaApi(request, batch)).toEqual([
    `${batch}b.txt`,
    `${batch}sub/deeper/y.txt`,
    `${batch}sub/x.txt`,
  ]);
  expect((await request.get(objectApiPath(`${batch}a.txt`))).status()).toBe(404);

  // --- The folder, with everything in it.
  const subSize =
    Buffer.byteLength(files['sub/x.txt']) + Buffer.byteLength(files['sub/deeper/y.txt']);
  await folderPage.row('sub/').getByRole('button', { name: 'Delete folder sub/' }).click();
  const folderDialog = new DeleteDialog(page, 'Delete folder sub/?');
  await expect(folderDialog.root).toBeVisible();
  await expect(folderDialog.root.getByText(/^This deletes /)).toHaveText(
    `This deletes 2 objects (${subSize} B) in ${batch}sub/, including every subfolder.`,
  );
  await folderDialog.confirm();
  // A folder goes in the background: the dialog closes at once, the work panel reports.
  await expect(folderDialog.root).toHaveCount(0);
  await expect(new WorkPanel(page).status(`${batch}sub/`)).toHaveText('Deleted 2 objects');

  await folderPage.expectRowNames(['b.txt']);
  expect(await listKeysViaApi(request, `${batch}sub/`)).toEqual([]);
  expect(await listKeysViaApi(request, batch)).toEqual([`${batch}b.txt`]);
});

test('deleting a selection of folders and objects removes each folder with its content', async ({
  page,
  request,
  folder,
  folderPage,
}) => {
  for (const key of ['one/a.txt', 'one/deep/b.txt', 'two/c.txt', 'd.txt', 'e.txt']) {
    await putObjectViaApi(request, `${folder}${key}`, `${key}\n`);
  }
  await folderPage.goto(folder);
  await folderPage.expectRowNames(['one/', 'two/', 'd.txt', 'e.txt']);
  for (const name of ['one/', 'two/', 'd.txt']) await folderPage.checkbox(name).click();
  await expect(folderPage.selection).toContainText('3 selected');

  await folderPage.selection.getByRole('button', { name: 'Delete' }).click();
  const dialog = new DeleteDialog(page, 'Delete 3 items?');
  await expect(dialog.root).toContainText(
    '1 file and 2 folders (~4 objects) will be deleted, each folder with everything in it:',
  );
  await expect(dialog.root.getByRole('listitem')).toHaveText(
    ['one/', 'two/', 'd.txt'].map((name) => `${folder}${name}`),
  );
  await dialog.confirm();
  await expect(dialog.root).toHaveCount(0);
  await expect(new WorkPanel(page).status('1 file and 2 folders')).toHaveText('Deleted 4 objects');

  await folderPage.expectRowNames(['e.txt']);
  expect(await listKeysViaApi(request, folder)).toEqual([`${folder}e.txt`]);
});

function prefixed(prefix: string, files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).map(([name, body]) => [prefix + name, body]));
}
