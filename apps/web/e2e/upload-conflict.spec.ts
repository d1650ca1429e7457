import { expect } from '@playwright/test';
import { putObjectViaApi } from './support/api';
import { folderTest as test } from './support/fixtures';
import { UploadConflictDialog } from './pages/dialogs';

test('one taken name is asked about in the singular, and "Checking 1 file…" is gone meanwhile', async ({
  page,
  request,
  folder,
  folderPage,
}) => {
  await putObjectViaApi(request, `${folder}a.txt`, 'old');
  await folderPage.goto(folder);
  await folderPage.expectRowNames(['a.txt']);

  await folderPage.pickFiles('Upload files', [
    { name: 'a.txt', mimeType: 'text/plain', buffer: Buffer.from('new') },
  ]);
  const dialog = new UploadConflictDialog(page, 'A file already exists');
  await expect(dialog.root).toBeVisible();
  // The check is over: the toolbar does not still say it is checking.
  await expect(folderPage.checkingStatus).toHaveCount(0);
  await expect(dialog.root).toContainText('This object exists already.');
  await expect(dialog.question).toContainText(
    'Overwrite it, skip it, or keep both by giving the new file a name like',
  );
  await expect(dialog.root).not.toContainText('them');

  await dialog.choose('Cancel upload');
  await expect(dialog.root).toHaveCount(0);
  await expect(folderPage.checkingStatus).toHaveCount(0);
});

test('several taken names are asked about in the plural, one of many in the singular', async ({
  page,
  request,
  folder,
  folderPage,
}) => {
  await putObjectViaApi(request, `${folder}a.txt`, 'old');
  await putObjectViaApi(request, `${folder}b.txt`, 'old');
  await folderPage.goto(folder);
  await folderPage.expectRowNames(['a.txt', 'b.txt']);

  const file = (name: string) => ({ name, mimeType: 'text/plain', buffer: Buffer.from('new') });
  await folderPage.pickFiles('Upload files', [file('a.txt'), file('b.txt')]);
  const both = new UploadConflictDialog(page, '2 files already exist');
  await expect(both.root).toContainText('These objects exist already.');
  await expect(both.question).toContainText(
    'Overwrite them, skip them, or keep both by giving the new files a name like',
  );
  await expect(folderPage.checkingStatus).toHaveCount(0);
  await both.choose('Cancel upload');
  await expect(both.root).toHaveCount(0);

  // One taken name among three new files: "1 of the 3 files exists", asked about as one.
  await folderPage.pickFiles('Upload files', [file('a.txt'), file('c.txt'), file('d.txt')]);
  const one = new UploadConflictDialog(page, 'A file already exists');
  await expect(one.root).toContainText('1 of the 3 files exists already.');
  await expect(one.question).toContainText('Overwrite it, skip it, or keep both');
  await one.choose('Skip');
  await expect(one.root).toHaveCount(0);
  await folderPage.expectRowNames(['a.txt', 'b.txt', 'c.txt', 'd.txt']);
});
