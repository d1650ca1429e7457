import { expect } from '@playwright/test';
import path from 'node:path';
import {
  closeTransfersPanel,
  expectRowNames,
  expectUploaded,
  gridRow,
  openRow,
  pickFiles,
  transfersSummary,
} from './helpers';
import { listKeysViaApi, objectApiPath } from './support/api';
import { makeTempTree } from './support/files';
import { folderTest as test } from './support/fixtures';
import { appFolderUrl } from './support/urls';

test('deleting a checked selection, then a folder, removes exactly them', async ({
  page,
  request,
  folder,
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

  await page.goto(appFolderUrl(folder));
  await pickFiles(page, 'Upload folder', dir);
  for (const name of Object.keys(files)) await expectUploaded(page, `${batch}${name}`);
  await expect(transfersSummary(page)).toHaveText('7 uploaded');
  await closeTransfersPanel(page);
  await openRow(page, 'batch/');
  await expectRowNames(page, ['sub/', 'a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt']);
  // Folders have no checkbox (they are deleted with their own button).
  await expect(gridRow(page, 'sub/').getByRole('checkbox')).toHaveCount(0);

  // --- Two ticks, then a shift-click that checks the range from the last tick.
  const selection = page.getByRole('toolbar', { name: 'Selection' });
  const check = (name: string) => page.getByRole('checkbox', { name: `Select ${name}` });
  await check('a.txt').click();
  await expect(selection).toContainText('1 selected');
  await check('c.txt').click();
  await expect(selection).toContainText('2 selected');
  await check('e.txt').click({ modifiers: ['Shift'] });
  await expect(selection).toContainText('4 selected');
  for (const name of ['a.txt', 'c.txt', 'd.txt', 'e.txt']) await expect(check(name)).toBeChecked();
  await expect(check('b.txt')).not.toBeChecked();

  await selection.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete 4 objects?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('These 4 objects will be deleted:');
  await expect(dialog.getByRole('listitem')).toHaveText(
    ['a.txt', 'c.txt', 'd.txt', 'e.txt'].map((name) => `${batch}${name}`),
  );
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(dialog.getByRole('status')).toHaveText('Deleted 4 objects');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);

  await expectRowNames(page, ['sub/', 'b.txt']);
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
  await gridRow(page, 'sub/').getByRole('button', { name: 'Delete folder sub/' }).click();
  const folderDialog = page.getByRole('dialog', { name: 'Delete folder sub/?' });
  await expect(folderDialog).toBeVisible();
  await expect(folderDialog.getByText(/^This deletes /)).toHaveText(
    `This deletes 2 objects (${subSize} B) in ${batch}sub/, including every subfolder.`,
  );
  await folderDialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(folderDialog.getByRole('status')).toHaveText('Deleted 2 objects');
  await folderDialog.getByRole('button', { name: 'Close' }).click();

  await expectRowNames(page, ['b.txt']);
  expect(await listKeysViaApi(request, `${batch}sub/`)).toEqual([]);
  expect(await listKeysViaApi(request, batch)).toEqual([`${batch}b.txt`]);
});

function prefixed(prefix: string, files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).map(([name, body]) => [prefix + name, body]));
}
