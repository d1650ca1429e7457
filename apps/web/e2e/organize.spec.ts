import { expect } from '@playwright/test';
import { DestinationPicker, OrganizeDialog, RenameDialog } from './pages/organize-dialogs';
import {
  CSRF_HEADERS,
  objectApiPath,
  listKeysViaApi,
  putObjectViaApi,
  readObjectViaApi,
} from './support/api';
import { DEMO_BUCKET, MANY_COUNT } from './support/demo';
import { folderTest as test } from './support/fixtures';
import { appBucketUrl } from './support/urls';
import { readZip } from './support/zip';

/** Writes `{ name: body }` under `folder` through the API. */
async function seed(
  request: Parameters<typeof putObjectViaApi>[0],
  folder: string,
  files: Record<string, string>,
) {
  for (const [name, body] of Object.entries(files)) {
    await putObjectViaApi(request, `${folder}${name}`, body);
  }
}

test('renaming a file and a folder from the row menu', async ({
  page,
  request,
  folder,
  folderPage,
}) => {
  await seed(request, folder, {
    'notes.txt': 'Notes\n',
    'album/a.txt': 'A\n',
    'album/b.txt': 'B\n',
  });
  await folderPage.goto(folder);
  await folderPage.expectRowNames(['album/', 'notes.txt']);

  // The menu by keyboard: Enter opens it on its first item, arrows wrap, Escape closes it
  // and gives the focus back to its button.
  const menuButton = folderPage.row('notes.txt').getByRole('button', {
    name: 'More actions for notes.txt',
  });
  await menuButton.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'More actions for notes.txt' });
  await expect(menu.getByRole('menuitem')).toHaveText([
    'Copy to…',
    'Move to…',
    'Rename',
    'Download',
    'Share…',
    'Delete',
  ]);
  await expect(menu.getByRole('menuitem', { name: 'Copy to…' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: 'Delete' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(menuButton).toBeFocused();
  await expect(menuButton).toHaveAttribute('aria-expanded', 'false');

  await folderPage.rowAction('notes.txt', 'Rename');
  const file = new RenameDialog(page, 'Rename notes.txt');
  await expect(file.name).toHaveValue('notes.txt');
  // A "/" would put it in another folder: that is "Move to…", and the form says so.
  await file.rename('sub/notes.txt');
  await expect(file.root.getByText(/cannot contain “\/”/)).toBeVisible();
  await file.rename('renamed.txt');
  await expect(file.root).toHaveCount(0);
  await folderPage.expectRowNames(['album/', 'renamed.txt']);

  await folderPage.rowAction('album/', 'Rename');
  const dir = new RenameDialog(page, 'Rename folder album');
  await expect(dir.name).toHaveValue('album');
  await dir.rename('pictures');
  await expect(dir.root).toHaveCount(0);
  await folderPage.expectRowNames(['pictures/', 'renamed.txt']);

  expect(await listKeysViaApi(request, folder)).toEqual(
    ['pictures/a.txt', 'pictures/b.txt', 'renamed.txt'].map((k) => folder + k),
  );
  expect(await readObjectViaApi(request, `${folder}renamed.txt`)).toBe('Notes\n');
});

test('dragging a checked selection onto a folder row moves it there, after a confirmation', async ({
  page,
  request,
  folder,
  folderPage,
  transfersPanel,
}) => {
  await seed(request, folder, {
    'a.txt': 'A\n',
    'b.txt': 'B\n',
    'c.txt': 'C\n',
    'dest/keep.txt': 'Kept\n',
    'sub/x.txt': 'X\n',
  });
  await folderPage.goto(folder);
  await folderPage.expectRowNames(['dest/', 'sub/', 'a.txt', 'b.txt', 'c.txt']);
  for (const name of ['sub/', 'a.txt', 'b.txt']) await folderPage.checkbox(name).click();
  await expect(folderPage.selection).toContainText('3 selected');

  // Dragging one checked row drags the whole selection.
  await folderPage.row('a.txt').dragTo(folderPage.row('dest/'));
  const confirm = new OrganizeDialog(page, `Move 3 items to ${folder}dest/?`);
  await expect(confirm.root).toBeVisible();
  await expect(confirm.root.getByRole('listitem')).toHaveText(
    ['sub/', 'a.txt', 'b.txt'].map((k) => `${folder}dest/${k}`),
  );
  // An internal drag is no file drop: the upload zone stayed out of it.
  await expect(page.getByText(/^Drop files to upload/)).toHaveCount(0);
  await confirm.click('Move');

  const report = new OrganizeDialog(page, `Move 3 items to ${DEMO_BUCKET}/${folder}dest/`);
  await expect(report.status).toHaveText('Moved 3 objects');
  await report.click('Close');
  await folderPage.expectRowNames(['dest/', 'c.txt']);
  await expect(transfersPanel.root).toHaveCount(0);
  expect(await listKeysViaApi(request, folder)).toEqual(
    ['c.txt', 'dest/a.txt', 'dest/b.txt', 'dest/keep.txt', 'dest/sub/x.txt'].map((k) => folder + k),
  );

  // A breadcrumb step takes a drop too: keep.txt back up to the test's folder.
  await folderPage.openRow('dest/');
  await folderPage.expectRowNames(['sub/', 'a.txt', 'b.txt', 'keep.txt']);
  const step = folderPage.breadcrumb.getByRole('link', { name: folder.slice(0, -1), exact: true });
  await folderPage.row('keep.txt').dragTo(step);
  const up = new OrganizeDialog(page, `Move 1 item to ${folder}?`);
  await up.click('Move');
  await new OrganizeDialog(page, `Move 1 item to ${DEMO_BUCKET}/${folder}`).click('Close');
  await folderPage.expectRowNames(['sub/', 'a.txt', 'b.txt']);
  expect(await listKeysViaApi(request, folder)).toContain(`${folder}keep.txt`);
});

test('copying a selection to another bucket through the picker', async ({
  page,
  request,
  folder,
  otherBucket,
  folderPage,
}) => {
  await seed(request, folder, { 'docs/one.txt': 'One\n', 'two.txt': 'Two\n', 'three.txt': '3\n' });
  await folderPage.goto(folder);
  await folderPage.checkbox('docs/').click();
  await folderPage.checkbox('two.txt').click();
  await folderPage.selectionAction('Copy to…').click();

  const picker = new DestinationPicker(page, 'Copy 2 items');
  await expect(picker.destination).toHaveText(`${DEMO_BUCKET}/${folder}`);
  // Browse: up to the bucket's root, up to the buckets, into the other bucket.
  await picker.up();
  await expect(picker.destination).toHaveText(`${DEMO_BUCKET}/`);
  await picker.up();
  await expect(picker.destination).toHaveText('choose a bucket');
  await expect(picker.confirmButton).toHaveCount(0);
  await picker.open(otherBucket);
  await expect(picker.destination).toHaveText(`${otherBucket}/`);
  await expect(picker.root.getByText('No subfolders')).toBeVisible();
  // A folder that does not exist yet: typed.
  await picker.pathInput.fill(`${otherBucket}/copies/2024`);
  await expect(picker.destination).toHaveText(`${otherBucket}/copies/2024/`);
  await expect(picker.confirmButton).toHaveText(`Copy 2 items to ${otherBucket}/copies/2024/`);
  await picker.confirmButton.click();

  const report = new OrganizeDialog(page, `Copy 2 items to ${otherBucket}/copies/2024/`);
  await expect(report.status).toHaveText('Copied 2 objects');
  await report.click('Close');

  expect(await listKeysViaApi(request, '', otherBucket)).toEqual([
    'copies/2024/docs/one.txt',
    'copies/2024/two.txt',
  ]);
  expect(await readObjectViaApi(request, 'copies/2024/docs/one.txt', otherBucket)).toBe('One\n');
  // The sources stay; the other bucket shows the copies.
  await folderPage.expectRowNames(['docs/', 'three.txt', 'two.txt']);
  await page.goto(appBucketUrl(otherBucket, 'copies/2024/'));
  await folderPage.expectRowNames(['docs/', 'two.txt']);
});

test('a folder and a selection download as zips', async ({ page, request, folder, folderPage }) => {
  await seed(request, folder, {
    'zipme/a.txt': 'A in zipme\n',
    'zipme/sub/b.txt': 'B, one down\n',
    'loose.txt': 'Loose\n',
  });
  await folderPage.goto(folder);

  // A folder, from its row menu: a plain link download.
  const folderDownload = page.waitForEvent('download');
  await folderPage.rowAction('zipme/', 'Download as zip');
  const zip = await folderDownload;
  expect(zip.suggestedFilename()).toBe('zipme.zip');
  expect(readZip(await zip.path())).toEqual({
    'a.txt': 'A in zipme\n',
    'sub/b.txt': 'B, one down\n',
  });

  // A selection of a folder and an object: the browser's own download of a form POST.
  await folderPage.checkbox('zipme/').click();
  await folderPage.checkbox('loose.txt').click();
  const selectionDownload = page.waitForEvent('download');
  await folderPage.selectionAction('Download as zip').click();
  const selection = await selectionDownload;
  expect(selection.suggestedFilename()).toMatch(/\.zip$/);
  expect(readZip(await selection.path())).toEqual({
    'loose.txt': 'Loose\n',
    'zipme/a.txt': 'A in zipme\n',
    'zipme/sub/b.txt': 'B, one down\n',
  });
  // The page stayed where it was.
  await folderPage.expectLocation(folder);
  await expect(folderPage.selection).toContainText('2 selected');

  // A selection the API refuses (an object deleted meanwhile): the page says so.
  const gone = await request.delete(objectApiPath(`${folder}loose.txt`), { headers: CSRF_HEADERS });
  expect(gone.status()).toBe(204);
  await folderPage.selectionAction('Download as zip').click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'The zip download failed' }),
  ).toBeVisible();
});

test('copying onto existing names asks once; "Keep both" names the copy "name (1).ext"', async ({
  page,
  request,
  folder,
  folderPage,
}) => {
  await seed(request, folder, {
    'src/report.txt': 'New report\n',
    'dst/report.txt': 'Old report\n',
  });
  await folderPage.goto(`${folder}src/`);
  await folderPage.rowAction('report.txt', 'Copy to…');
  const picker = new DestinationPicker(page, 'Copy 1 item');
  await picker.pathInput.fill(`${DEMO_BUCKET}/${folder}dst/`);
  await picker.confirmButton.click();

  const question = new OrganizeDialog(page, 'Some names are taken');
  await expect(question.root).toContainText(/1 .*exist/);
  await question.click('Keep both');
  const report = new OrganizeDialog(page, `Copy 1 item to ${DEMO_BUCKET}/${folder}dst/`);
  await expect(report.status).toHaveText('Copied 1 object');
  await report.click('Close');

  expect(await listKeysViaApi(request, `${folder}dst/`)).toEqual([
    `${folder}dst/report (1).txt`,
    `${folder}dst/report.txt`,
  ]);
  expect(await readObjectViaApi(request, `${folder}dst/report (1).txt`)).toBe('New report\n');
  expect(await readObjectViaApi(request, `${folder}dst/report.txt`)).toBe('Old report\n');
});

test('a folder copy shows its progress, and Cancel stops it part-way', async ({
  page,
  request,
  folder,
  folderPage,
}) => {
  await folderPage.goto();
  await folderPage.rowAction('many/', 'Copy to…');
  const picker = new DestinationPicker(page, 'Copy 1 item');
  await picker.pathInput.fill(`${DEMO_BUCKET}/${folder}`);
  await picker.confirmButton.click();

  const total = MANY_COUNT.toLocaleString('en-US');
  const dialog = new OrganizeDialog(page, `Copy 1 item to ${DEMO_BUCKET}/${folder}`);
  const progress = dialog.root.getByRole('progressbar', { name: 'Progress' });
  await expect(progress).toHaveAttribute(
    'aria-valuetext',
    new RegExp(`^[1-9][\\d,]* of ${total} objects · .+ of .+$`),
  );
  await dialog.click('Cancel');
  await expect(dialog.status).toHaveText(
    new RegExp(`^Cancelled after [\\d,]+ of ${total} objects\\. What was done stays done\\.$`),
  );

  // The work stopped: once the objects in flight have landed, no more appear.
  const copied = () => listKeysViaApi(request, `${folder}many/`).then((keys) => keys.length);
  let before = -1;
  await expect
    .poll(
      async () => {
        const now = await copied();
        const stable = now === before;
        before = now;
        return stable;
      },
      { intervals: [1000] },
    )
    .toBe(true);
  expect(before).toBeGreaterThan(0);
  expect(before).toBeLessThan(MANY_COUNT);
  await dialog.click('Close');
  await expect(folderPage.row('many/')).toBeVisible();
});

test('"Move to…" moves a folder and an object into a sibling folder', async ({
  page,
  request,
  folder,
  folderPage,
}) => {
  await seed(request, folder, { 'old/x.txt': 'X\n', 'y.txt': 'Y\n', 'archive/z.txt': 'Z\n' });
  await folderPage.goto(folder);
  await folderPage.checkbox('old/').click();
  await folderPage.checkbox('y.txt').click();
  await folderPage.selectionAction('Move to…').click();

  const picker = new DestinationPicker(page, 'Move 2 items');
  // Where they are is no destination for a move.
  await expect(picker.root.getByRole('alert')).toHaveText('They are in this folder already.');
  await expect(picker.confirmButton).toBeDisabled();
  await picker.open('archive/');
  await expect(picker.destination).toHaveText(`${DEMO_BUCKET}/${folder}archive/`);
  await picker.confirmButton.click();

  const report = new OrganizeDialog(page, `Move 2 items to ${DEMO_BUCKET}/${folder}archive/`);
  await expect(report.status).toHaveText('Moved 2 objects');
  await report.click('Close');
  await folderPage.expectRowNames(['archive/']);
  expect(await listKeysViaApi(request, folder)).toEqual(
    ['archive/old/x.txt', 'archive/y.txt', 'archive/z.txt'].map((k) => folder + k),
  );
});
