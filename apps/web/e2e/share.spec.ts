import { expect, type Page } from '@playwright/test';
import path from 'node:path';
import { LinksPage } from './pages/links-page';
import { downloadedBytes } from './pages/public-link-page';
import { ShareDialog, UploadLinkDialog } from './pages/share-dialogs';
import {
  objectContentApiPath,
  putObjectViaApi,
  readObjectViaApi,
  shareViaApi,
} from './support/api';
import { DEMO_BUCKET, DEMO_IMAGE, seededBody } from './support/demo';
import { dragAndDropPaths, makeTempTree } from './support/files';
import { shareTest as test } from './support/fixtures';

/** What the page's Copy put on the clipboard. */
async function clipboardText(page: Page): Promise<string> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  return page.evaluate(() => navigator.clipboard.readText());
}

async function objectBytes(page: Page, key: string): Promise<Buffer> {
  const res = await page.request.get(objectContentApiPath(key));
  expect(res.status(), `GET ${key}`).toBe(200);
  return res.body();
}

test('a link through Stowage, made in the Share dialog, downloads the exact bytes in a browser with no session', async ({
  page,
  folderPage,
  stranger,
}) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const name = path.posix.basename(DEMO_IMAGE.key);
  await folderPage.goto(path.posix.dirname(DEMO_IMAGE.key) + '/');
  await folderPage.rowAction(name, 'Share…');

  const dialog = new ShareDialog(page, name);
  await dialog.relay.check();
  await dialog.expiry('1 hour').check();
  const url = await dialog.make();
  expect(new URL(url).pathname).toMatch(/^\/s\/[A-Za-z0-9_.-]+$/);
  await expect(dialog.root).toContainText('Through Stowage');
  // Its expiry, as a date: within the hour.
  const expires = await dialog.expires.textContent();
  expect(expires).toMatch(/\d/);
  await dialog.copyButton.click();
  await expect(dialog.root.getByText('Copied', { exact: true })).toBeVisible();
  expect(await clipboardText(page)).toBe(url);
  await dialog.done();

  // Someone else, with no session and no cookie: the server streams the file.
  expect(await stranger.page.context().cookies()).toEqual([]);
  const download = await stranger.openDownload(url);
  expect(download.suggestedFilename()).toBe(name);
  const bytes = await downloadedBytes(download);
  expect(bytes.equals(await objectBytes(page, DEMO_IMAGE.key)), 'the bytes of the image').toBe(
    true,
  );
});

test('a password link asks for its password: a wrong one is refused, the right one downloads under the chosen name', async ({
  page,
  folderPage,
  detailsPanel,
  stranger,
}) => {
  await folderPage.goto('', 'README.txt');
  await detailsPanel.root.getByRole('button', { name: 'Share…' }).click();
  const dialog = new ShareDialog(page, 'README.txt');
  // A password is for links through Stowage only: direct links have none.
  await dialog.direct.check();
  await expect(dialog.password).toHaveCount(0);
  await dialog.relay.check();
  await dialog.expiry('1 day').check();
  await dialog.downloadName.fill('readme-copy.txt');
  await dialog.password.fill('correct horse');
  const url = await dialog.make();
  await dialog.done();

  await stranger.open(url);
  await expect(stranger.heading).toHaveText('This file is protected by a password');
  await expect(stranger.page.getByText('readme-copy.txt')).toBeVisible();

  await stranger.password.fill('battery staple');
  await stranger.downloadButton.click();
  await expect(stranger.alert).toContainText('Wrong password.');

  const download = await stranger.unlock('correct horse');
  expect(download.suggestedFilename()).toBe('readme-copy.txt');
  expect((await downloadedBytes(download)).toString('utf8')).toBe(seededBody('README.txt'));
});

test('an upload link takes dropped files and folders into its folder only, and the signed-in user sees them there', async ({
  page,
  request,
  folder,
  folderPage,
  stranger,
}) => {
  const inbox = `${folder}inbox/`;
  await putObjectViaApi(request, `${inbox}existing.txt`, 'Already there.\n');
  const dir = await makeTempTree({
    'a.txt': 'A, dropped.\n',
    'photos/2024/b.txt': 'B, two folders down.\n',
    'existing.txt': 'Would replace it.\n',
    'big.bin': Buffer.alloc(1536 * 1024, 7),
  });

  await folderPage.goto(folder);
  await folderPage.rowAction('inbox/', 'Upload link…');
  const dialog = new UploadLinkDialog(page, inbox);
  await expect(dialog.overwrite).not.toBeChecked();
  await dialog.maxFileSize.fill('1');
  await expect(dialog.maxFileUnit).toHaveValue('MB');
  const url = await dialog.make();
  await dialog.done();

  await stranger.open(url);
  await expect(stranger.heading).toHaveText('Send files to inbox');
  await expect(stranger.page.getByText('1.0 MB')).toBeVisible();
  // Nothing of the bucket: not its name, not the folders above the link's.
  await expect(stranger.page.locator('body')).not.toContainText(DEMO_BUCKET);
  await expect(stranger.page.locator('body')).not.toContainText(folder);

  // A real drop from the disk: a file and a folder (with its subfolder).
  await dragAndDropPaths(stranger.page, stranger.dropZone, [
    path.join(dir, 'a.txt'),
    path.join(dir, 'photos'),
  ]);
  await stranger.expectStored('a.txt');
  await stranger.expectStored('photos/2024/b.txt');
  await expect(stranger.summary).toHaveText('2 stored');

  // Chosen: a name already taken (overwrite is off) and a file over the limit.
  await stranger.chooseFiles([path.join(dir, 'existing.txt'), path.join(dir, 'big.bin')]);
  await stranger.expectRefused('big.bin', 'Larger than the 1.0 MB this link accepts per file');
  await expect(stranger.summary).toHaveText('2 stored, 2 refused');
  await expect(stranger.file('existing.txt')).toContainText(/Refused: .+/);

  // The signed-in user finds them in the folder, with the bytes sent; existing.txt untouched.
  await folderPage.goto(inbox);
  await folderPage.expectRowNames(['photos/', 'a.txt', 'existing.txt']);
  expect(await readObjectViaApi(request, `${inbox}a.txt`)).toBe('A, dropped.\n');
  expect(await readObjectViaApi(request, `${inbox}photos/2024/b.txt`)).toBe(
    'B, two folders down.\n',
  );
  expect(await readObjectViaApi(request, `${inbox}existing.txt`)).toBe('Already there.\n');
});

test('the Links page lists the links; Revoke makes a link fail at once', async ({
  page,
  request,
  folder,
  folderPage,
  linksPage,
  stranger,
}) => {
  const key = `${folder}shared.txt`;
  await putObjectViaApi(request, key, 'Shared, then revoked.\n');
  const share = await shareViaApi(request, { key, expiresIn: 3600, mode: 'relay' });
  // The open folder's own "Upload link…", beside its other actions.
  await folderPage.goto(folder);
  await page.getByRole('button', { name: 'Upload link…' }).click();
  const dialog = new UploadLinkDialog(page, folder);
  await dialog.overwrite.check();
  await dialog.maxTotalSize.fill('2');
  await dialog.make();
  await dialog.done();

  // The bucket's header leads there.
  await page
    .getByRole('navigation', { name: 'Bucket' })
    .getByRole('link', { name: 'Links' })
    .click();
  await expect(linksPage.heading).toBeVisible();
  await expect(linksPage.row(key)).toContainText('Download');
  await expect(linksPage.row(folder)).toContainText('Upload');
  await expect(linksPage.row(folder)).toContainText('Total up to 2.0 GB · May overwrite');

  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await linksPage
    .row(key)
    .getByRole('button', { name: `Copy the link to ${key}` })
    .click();
  await expect(linksPage.row(key).getByText('Copied')).toBeVisible();
  expect(await clipboardText(page)).toBe(share.url);

  // Before: the link works.
  const before = await stranger.openDownload(share.url);
  expect((await downloadedBytes(before)).toString('utf8')).toBe('Shared, then revoked.\n');

  await linksPage.revoke(key);
  await expect(linksPage.row(key)).toHaveCount(0);
  await expect(linksPage.row(folder)).toHaveCount(1);

  // After: the same URL, in a browser with no session, says the link does not exist.
  await stranger.open(share.url);
  await expect(stranger.heading).toHaveText('This link does not exist');
});

test('the Links page of a bucket without links says so', async ({ otherBucket, page }) => {
  const links = new LinksPage(page);
  await links.goto(otherBucket);
  await expect(links.heading).toBeVisible();
  await expect(links.empty).toBeVisible();
});
