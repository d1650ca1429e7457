import { expect } from '@playwright/test';
import {
  CSRF_HEADERS,
  demoApiPath,
  objectApiPath,
  objectTagsApiPath,
  uploadApiPath,
} from './support/api';
import { BUCKETS_PATH, bucketPath } from '@stowage/shared';
import { LinksPage } from './pages/links-page';
import { UploadsPage } from './pages/uploads-page';
import { DEMO_BUCKET } from './support/demo';
import { test } from './support/fixtures';
import { SIGNED_OUT } from './support/session';
import { readOnlyURL } from './servers';

// The second server of playwright.config.ts: STOWAGE_READ_ONLY=true on the same demo data.
test.use({ baseURL: readOnlyURL, storageState: SIGNED_OUT });

test.beforeEach(async ({ folderPage, loginPage }) => {
  await folderPage.goto();
  await loginPage.signIn();
  // The listing is there: what is absent below is absent, not just not loaded yet.
  await expect(folderPage.row('README.txt')).toBeVisible();
});

test('a read-only session shows no write control anywhere', async ({
  page,
  appHeader,
  folderPage,
  detailsPanel,
}) => {
  await expect(appHeader.readOnlyBadge).toBeVisible();

  for (const name of [
    'Upload files',
    'Upload folder',
    'New text object',
    'New folder',
    'Upload options',
    'Upload link…',
  ]) {
    await expect(page.getByRole('button', { name })).toHaveCount(0);
  }
  await expect(folderPage.dropZone).toHaveCount(0);
  await expect(page.locator('input[type="file"]')).toHaveCount(0);
  await expect(folderPage.grid.getByRole('button', { name: /^Delete folder/ })).toHaveCount(0);
  await expect(folderPage.row('docs/')).toBeVisible();

  // Rows can be checked, for a zip of the selection (a read), and that is all it offers.
  await folderPage.checkbox('docs/').click();
  await folderPage.checkbox('README.txt').click();
  await expect(folderPage.selection.getByRole('button')).toHaveText([
    'Download as zip',
    'Clear selection',
  ]);
  await folderPage.selectionAction('Clear selection').click();
  // The row menus hold the downloads and a download link only: no copy, move, rename or
  // delete, and no upload link (a write).
  const folderMenu = await folderPage.openRowMenu('docs/');
  await expect(folderMenu.getByRole('menuitem')).toHaveText(['Download as zip']);
  await page.keyboard.press('Escape');
  await expect(folderMenu).toBeHidden();
  const objectMenu = await folderPage.openRowMenu('README.txt');
  await expect(objectMenu.getByRole('menuitem')).toHaveText(['Download', 'Share…']);
  await page.keyboard.press('Escape');
  // Rows do not drag (a drop would move them).
  await expect(folderPage.row('docs/')).not.toHaveAttribute('draggable', 'true');

  await folderPage.openRow('README.txt');
  await expect(detailsPanel.downloadLink).toBeVisible();
  // A download link is a read: offered.
  await expect(detailsPanel.root.getByRole('button', { name: 'Share…' })).toBeVisible();
  for (const name of ['Edit metadata', 'Edit text', 'Edit tags', 'Delete']) {
    await expect(detailsPanel.root.getByRole('button', { name })).toHaveCount(0);
  }
  // No versioning switch (s3rver keeps no versions anyway; versions.ceph.spec.ts has them).
  await expect(folderPage.versioningStatus).toBeVisible();
  await expect(folderPage.enableVersioning).toHaveCount(0);
  await expect(folderPage.suspendVersioning).toHaveCount(0);
});

test('the bucket list and the bucket pages offer no Create, Delete, Empty or Abort', async ({
  page,
  bucketList,
}) => {
  await bucketList.goto();
  await expect(bucketList.bucketLink()).toBeVisible();
  await expect(bucketList.createButton).toHaveCount(0);
  await expect(bucketList.deleteButtons).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Empty/ })).toHaveCount(0);

  const uploads = new UploadsPage(page);
  await uploads.goto('demo');
  await expect(uploads.heading).toBeVisible();
  await expect(page.getByRole('alert')).toBeVisible(); // s3rver does not list them
  await expect(uploads.olderButton).toHaveCount(0);
  await expect(uploads.abortButtons).toHaveCount(0);

  // The links page lists (a read) but offers no Revoke (a write).
  const links = new LinksPage(page);
  await links.goto('demo');
  await expect(links.heading).toBeVisible();
  await expect(links.empty.or(links.table)).toBeVisible();
  await expect(links.revokeButtons).toHaveCount(0);

  // Usage is a read: offered, and it counts.
  await page.goto('/b/demo/usage');
  await expect(page.getByRole('region', { name: 'Usage' })).toContainText('Objects');
});

test('the write routes refuse, even with the session and the CSRF header', async ({ page }) => {
  const api = page.request; // the page's own session cookie
  const writes = [
    api.post(demoApiPath('delete'), {
      data: { keys: ['README.txt'] },
      headers: CSRF_HEADERS,
    }),
    api.delete(objectApiPath('README.txt'), { headers: CSRF_HEADERS }),
    api.put(objectTagsApiPath('README.txt'), {
      data: { tags: [{ key: 'a', value: 'b' }] },
      headers: CSRF_HEADERS,
    }),
    api.post(BUCKETS_PATH, { data: { name: 'ro-new-bucket' }, headers: CSRF_HEADERS }),
    api.delete(bucketPath('demo'), { headers: CSRF_HEADERS }),
    api.post(demoApiPath('empty'), { data: { confirm: 'demo' }, headers: CSRF_HEADERS }),
    api.post(demoApiPath('uploads/abort-older'), { data: { days: 0 }, headers: CSRF_HEADERS }),
    api.post(uploadApiPath('ro-test.txt'), {
      multipart: {
        size: '1',
        file: { name: 'f', mimeType: 'text/plain', buffer: Buffer.from('x') },
      },
      headers: CSRF_HEADERS,
    }),
  ];
  for (const res of await Promise.all(writes)) {
    expect(res.status(), `${res.url()} answered ${String(res.status())}`).toBeGreaterThanOrEqual(
      400,
    );
    expect(res.status()).toBeLessThan(500);
  }
  // Nothing changed: README.txt is still there, untagged; ro-test.txt was not written.
  const readme = await api.get(objectTagsApiPath('README.txt'));
  expect(readme.status()).toBe(200);
  expect(((await readme.json()) as { tags: unknown[] }).tags).toEqual([]);
  expect((await api.get(objectApiPath('ro-test.txt'))).status()).toBe(404);
  expect((await api.get(`${bucketPath('ro-new-bucket')}/capabilities`)).status()).toBe(404);
  expect((await api.get(demoApiPath('objects', { prefix: '' }))).status()).toBe(200);
});

test('the settings page of a read-only session shows the settings and no control', async ({
  page,
  settingsPage,
}) => {
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(settingsPage.heading(DEMO_BUCKET)).toBeVisible();
  await expect(page.getByText('This session may only read')).toBeVisible();
  await settingsPage.expectLoaded();
  const cors = settingsPage.section('CORS');
  await expect(cors).toContainText('Not set: no CORS rules.');
  await settingsPage.openTab('CORS', 'JSON');
  await expect(settingsPage.jsonEditor('CORS')).toHaveAttribute('readonly', '');
  // Tabs (role tab) but no button at all: no Add, Save, Delete or Enable anywhere.
  await expect(page.getByRole('main').getByRole('button')).toHaveCount(0);
});
