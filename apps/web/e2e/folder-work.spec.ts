import { expect, type APIRequestContext } from '@playwright/test';
import { NDJSON } from '@stowage/shared';
import { DeleteDialog } from './pages/dialogs';
import { WorkPanel } from './pages/work-panel';
import { listKeysViaApi, putObjectViaApi } from './support/api';
import { folderTest as test } from './support/fixtures';

/** `n` small objects under `prefix`, zero-padded so they list in order, 16 uploads at a time. */
async function seed(request: APIRequestContext, prefix: string, n: number): Promise<string[]> {
  const keys = Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(4, '0')}.txt`);
  let next = 0;
  const worker = async () => {
    while (next < keys.length) await putObjectViaApi(request, keys[next++]!, 'x');
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return keys;
}

test('a big folder: typed name, deleted in the background with a live count while the listing stays usable, and Cancel stops it', async ({
  page,
  request,
  folder,
  folderPage,
}) => {
  test.setTimeout(240_000);
  const big = `${folder}big/`;
  await seed(request, big, 2500);
  await putObjectViaApi(request, `${folder}keep/k.txt`, 'k');
  const work = new WorkPanel(page);

  await folderPage.goto(folder);
  await folderPage.row('big/').getByRole('button', { name: 'Delete folder big/' }).click();
  const dialog = new DeleteDialog(page, 'Delete folder big/?');
  await expect(dialog.root.getByText(/^This deletes /)).toContainText('2,500 objects');
  // Over 1,000 objects: the folder's name typed again before Delete is enabled.
  const deleteButton = dialog.root.getByRole('button', { name: 'Delete', exact: true });
  await expect(deleteButton).toBeDisabled();
  await dialog.root.getByLabel('Type big to confirm').fill('bi');
  await expect(deleteButton).toBeDisabled();
  await dialog.root.getByLabel('Type big to confirm').fill('big');
  await dialog.confirm();

  // The dialog closes at once; the work shows in the panel, the app stays usable.
  await expect(dialog.root).toHaveCount(0);
  await expect(work.status(big)).toHaveText(/^[\d,]+ of ~?2,500$/);
  await folderPage.openRow('keep/');
  await folderPage.expectRowNames(['k.txt']);
  await page.goBack();
  await folderPage.expectLocation(folder);
  await expect(folderPage.row('keep/')).toBeVisible();
  // The count moves (a batch of 1,000 went), then Cancel stops the rest.
  await expect(work.status(big)).toHaveText(/^(1,000|2,000) of 2,500$/, { timeout: 120_000 });
  await work.cancel(big);
  await expect(work.status(big)).toHaveText(/^Cancelled: (1,000|2,000) objects deleted$/);
  await expect(work.item(big)).toContainText('may have gone too');

  // Whole batches of 1,000 went; the last one never started.
  await expect
    .poll(async () => (await listKeysViaApi(request, big)).length, { timeout: 60_000 })
    .toBeGreaterThanOrEqual(500);
  const left = (await listKeysViaApi(request, big)).length;
  expect(left % 500).toBe(0);
  expect(left).toBeLessThan(2500);
  await work.close();
  await expect(work.root).toHaveCount(0);
});

test('a mixed selection of files and a folder is deleted in the background, and a key the store refuses is reported', async ({
  page,
  request,
  folder,
  folderPage,
}) => {
  for (const key of ['one/a.txt', 'one/deep/b.txt', 'locked/x.txt', 'd.txt', 'e.txt', 'f.txt']) {
    await putObjectViaApi(request, `${folder}${key}`, `${key}\n`);
  }
  const work = new WorkPanel(page);
  await folderPage.goto(folder);
  await folderPage.expectRowNames(['locked/', 'one/', 'd.txt', 'e.txt', 'f.txt']);
  // The folder's trash icon is drawn in full, not faded until hovered.
  await expect(
    folderPage.row('one/').getByRole('button', { name: 'Delete folder one/' }),
  ).toHaveCSS('opacity', '1');

  // Files and folders checked together, deleted together.
  for (const name of ['one/', 'd.txt', 'e.txt']) await folderPage.checkbox(name).click();
  await folderPage.selection.getByRole('button', { name: 'Delete' }).click();
  const dialog = new DeleteDialog(page, 'Delete 3 items?');
  await expect(dialog.root).toContainText(
    '2 files and 1 folder (~4 objects) will be deleted, each folder with everything in it:',
  );
  await dialog.confirm();
  await expect(dialog.root).toHaveCount(0);
  await expect(work.status('2 files and 1 folder')).toHaveText('Deleted 4 objects');
  await folderPage.expectRowNames(['locked/', 'f.txt']);
  expect(await listKeysViaApi(request, folder)).toEqual([
    `${folder}f.txt`,
    `${folder}locked/x.txt`,
  ]);

  // A key the store refuses (an object lock, say): only the answer is stood in for.
  const locked = `${folder}locked/x.txt`;
  await page.route('**/api/buckets/demo/delete', (route) =>
    route.fulfill({
      contentType: NDJSON,
      body: [
        { deleted: 0, failed: 0, total: 1 },
        { deleted: 0, failed: 1, total: 1 },
        { deleted: 0, errors: [{ key: locked, code: 'AccessDenied', message: 'Access Denied' }] },
      ]
        .map((line) => `${JSON.stringify(line)}\n`)
        .join(''),
    }),
  );
  await folderPage.row('locked/').getByRole('button', { name: 'Delete folder locked/' }).click();
  await new DeleteDialog(page, 'Delete folder locked/?').confirm();
  await expect(work.status(`${folder}locked/`)).toHaveText('Deleted 0 objects');
  await expect(work.failures(`${folder}locked/`)).toContainText('1 object could not be deleted:');
  await expect(work.failures(`${folder}locked/`)).toContainText(
    `${locked}: Access Denied (AccessDenied)`,
  );
});
