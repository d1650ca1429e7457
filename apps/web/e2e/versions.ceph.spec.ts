import { expect } from '@playwright/test';
import {
  DeleteDialog,
  DeleteVersionDialog,
  RestoreVersionDialog,
  VersioningDialog,
} from './pages/dialogs';
import { makeApiBucket, removeApiBucket } from './support/api-buckets';
import { test as base } from './support/fixtures';
import { cephS3 } from './support/s3';
import { shortVersionId } from './support/versions';

// On Ceph RGW (the `ceph` project), which keeps versions: an object's history in the details
// panel, restore and permanent delete, Show deleted and Undelete in the listing, and the
// bucket header's Enable / Suspend, each checked with boto3 from outside.

/** A fresh bucket made through the API (versioned unless the test says), emptied and deleted after. */
const test = base.extend<{ versioned: boolean; bucket: string }>({
  versioned: [true, { option: true }],
  bucket: async ({ request, versioned }, use) => {
    const bucket = await makeApiBucket(request, 'versions', { versioning: versioned });
    await use(bucket);
    await removeApiBucket(request, bucket);
  },
});

test('the Versions tab: three versions newest first; preview an older one, restore it, delete one permanently', async ({
  page,
  bucket,
  folderPage,
  detailsPanel,
}) => {
  test.setTimeout(120_000);
  const v1 = cephS3.put(bucket, 'notes.txt', 'version one');
  const v2 = cephS3.put(bucket, 'notes.txt', 'version two, longer');
  const v3 = cephS3.put(bucket, 'notes.txt', 'version three');
  if (!v1 || !v2 || !v3) throw new Error('boto3 gave no version ids: is versioning on?');
  const [s1, s2, s3] = [shortVersionId(v1), shortVersionId(v2), shortVersionId(v3)];

  await folderPage.gotoBucket(bucket, '', 'notes.txt');
  await expect(detailsPanel.previewText).toHaveText('version three');
  await detailsPanel.tab('Versions').click();
  await expect(detailsPanel.versionsStatus).toHaveText('3 versions, newest first.');
  await expect(detailsPanel.versionItems).toHaveCount(3);
  for (const [index, name] of [`Version ${s3}`, `Version ${s2}`, `Version ${s1}`].entries()) {
    await expect(detailsPanel.versionItems.nth(index)).toHaveAccessibleName(name);
  }
  const newest = detailsPanel.version(s3);
  await expect(newest).toContainText('Current');
  await expect(newest).toContainText('13 B');
  await expect(detailsPanel.version(s2)).toContainText('19 B');
  await expect(detailsPanel.version(s2)).not.toContainText('Current');
  // The full id is in the title; the current version cannot be restored onto itself.
  await expect(newest.getByTitle(`Version ID: ${v3}`)).toHaveText(s3);
  await expect(detailsPanel.versionAction(newest, 'Restore')).toHaveCount(0);

  await test.step('Preview and Download show that version, not the current one', async () => {
    const oldest = detailsPanel.version(s1);
    await detailsPanel.versionAction(oldest, 'Preview').click();
    await expect(detailsPanel.versionPreviewText).toHaveText('version one');
    const download = page.waitForEvent('download');
    await oldest.getByRole('link', { name: 'Download' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('notes.txt');
    const chunks: Buffer[] = [];
    for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString('utf8')).toBe('version one');
  });

  await test.step('Restore version one: a new current version with its content', async () => {
    await detailsPanel.versionAction(detailsPanel.version(s1), 'Restore').click();
    const dialog = new RestoreVersionDialog(page);
    await expect(dialog.root).toContainText(
      'Its content, metadata and tags are copied over as a new version; the history stays.',
    );
    await dialog.confirm();
    await expect(dialog.root).toBeHidden();
    await expect(detailsPanel.versionsStatus).toHaveText(
      `Restored version ${s1}: its copy is the current version now. 4 versions, newest first.`,
    );
    await expect(detailsPanel.versionItems.first()).toContainText('Current');
    await expect(detailsPanel.version(s3)).not.toContainText('Current');
    expect(cephS3.get(bucket, 'notes.txt')).toBe('version one');
    const ids = cephS3.keyVersions(bucket, 'notes.txt').map((v) => v.id);
    expect(ids).toHaveLength(4);
    expect(ids.slice(1)).toEqual([v3, v2, v1]);

    // The Details tab's preview is the current version: version one's text now.
    await detailsPanel.tab('Details').click();
    await expect(detailsPanel.previewText).toHaveText('version one');
  });

  await test.step('Delete version two permanently: its short id typed to confirm', async () => {
    await detailsPanel.tab('Versions').click();
    await detailsPanel.versionAction(detailsPanel.version(s2), 'Delete permanently').click();
    const dialog = new DeleteVersionDialog(page, s2);
    await expect(dialog.root).toContainText('This version and its content go for good');
    await expect(dialog.deleteButton).toBeDisabled();
    await dialog.confirmText.fill(s2.slice(0, -1));
    await expect(dialog.deleteButton).toBeDisabled();
    await dialog.confirmText.fill(s2);
    await dialog.deleteButton.click();
    await expect(dialog.root).toBeHidden();
    await expect(detailsPanel.versionsStatus).toHaveText(
      `Deleted version ${s2} permanently. 3 versions, newest first.`,
    );
    await expect(detailsPanel.version(s2)).toHaveCount(0);
    const ids = cephS3.keyVersions(bucket, 'notes.txt').map((v) => v.id);
    expect(ids).toHaveLength(3);
    expect(ids).not.toContain(v2);
    expect(ids.slice(1)).toEqual([v3, v1]);
  });
});

test('an object with more versions than a page: "Load more" adds the next page', async ({
  bucket,
  folderPage,
  detailsPanel,
}) => {
  const ids = cephS3.putVersions(bucket, 'busy.txt', 105);
  const newest = ids.at(-1);
  const oldest = ids[0];
  if (!newest || !oldest) throw new Error('boto3 gave no version ids: is versioning on?');
  await folderPage.gotoBucket(bucket, '', 'busy.txt');
  await detailsPanel.tab('Versions').click();
  await expect(detailsPanel.versionsStatus).toHaveText(
    '100 versions loaded, more below, newest first.',
  );
  await expect(detailsPanel.versionItems).toHaveCount(100);
  await expect(detailsPanel.versionItems.first()).toHaveAccessibleName(
    `Version ${shortVersionId(newest)}`,
  );
  await detailsPanel.loadMore.click();
  await expect(detailsPanel.versionsStatus).toHaveText('105 versions, newest first.');
  await expect(detailsPanel.versionItems).toHaveCount(105);
  await expect(detailsPanel.versionItems.last()).toHaveAccessibleName(
    `Version ${shortVersionId(oldest)}`,
  );
  await expect(detailsPanel.loadMore).toHaveCount(0);
  // Preview reads that version: the oldest body, "v1".
  await detailsPanel.versionAction(detailsPanel.versionItems.last(), 'Preview').click();
  await expect(detailsPanel.versionPreviewText).toHaveText('v1');
});

test('delete a file, find it with Show deleted (kept on reload), and Undelete it; a selection too', async ({
  page,
  bucket,
  folderPage,
  detailsPanel,
  toasts,
}) => {
  test.setTimeout(120_000);
  cephS3.put(bucket, 'docs/report.txt', 'the report, first draft');
  cephS3.put(bucket, 'docs/report.txt', 'the report, final');
  cephS3.put(bucket, 'docs/keep.txt', 'kept');
  cephS3.put(bucket, 'docs/a.txt', 'a');
  cephS3.put(bucket, 'docs/b.txt', 'b');
  cephS3.put(bucket, 'old/gone.txt', 'gone');
  cephS3.delete(bucket, 'old/gone.txt');

  await folderPage.gotoBucket(bucket, 'docs/');
  await folderPage.expectRowNames(['a.txt', 'b.txt', 'keep.txt', 'report.txt']);
  await expect(folderPage.versioningStatus).toHaveText('Versioning: on');

  await test.step('Delete says it leaves a delete marker', async () => {
    await folderPage.rowAction('report.txt', 'Delete');
    const dialog = new DeleteDialog(page, 'Delete report.txt?');
    await expect(dialog.root).toContainText(
      'Creates a delete marker; older versions stay (Show deleted lists it, Undelete brings it back).',
    );
    await dialog.confirm();
    // Done whole: a toast says so, and the dialog is gone.
    await expect(toasts.toast('Deleted 1 object')).toBeVisible();
    await expect(dialog.root).toHaveCount(0);
    await folderPage.expectRowNames(['a.txt', 'b.txt', 'keep.txt']);
    expect(cephS3.keyVersions(bucket, 'docs/report.txt')[0]).toMatchObject({
      latest: true,
      marker: true,
    });
  });

  await test.step('Show deleted lists it greyed, labelled Deleted; a reload keeps the toggle', async () => {
    await folderPage.showDeleted.check();
    await folderPage.expectRowNames(['a.txt', 'b.txt', 'keep.txt', 'report.txt']);
    await expect(folderPage.deletedLabel('report.txt')).toBeVisible();
    await expect(folderPage.deletedLabel('keep.txt')).toHaveCount(0);
    await expect.poll(() => new URL(page.url()).searchParams.get('deleted')).toBe('1');
    await page.reload();
    await expect(folderPage.showDeleted).toBeChecked();
    await expect(folderPage.deletedLabel('report.txt')).toBeVisible();

    // A folder of only deleted keys is listed too, greyed.
    await folderPage.breadcrumb.getByRole('link', { name: bucket }).click();
    await expect(folderPage.deletedLabel('old/')).toBeVisible();
    await expect(folderPage.deletedLabel('docs/')).toHaveCount(0);
    await folderPage.openRow('docs/');
    await expect(folderPage.showDeleted).toBeChecked();
  });

  await test.step('opening a deleted key shows its versions: the delete marker is current', async () => {
    await folderPage.openRow('report.txt');
    await expect(detailsPanel.tab('Versions')).toHaveAttribute('aria-selected', 'true');
    await expect(detailsPanel.versionItems).toHaveCount(3);
    await expect(detailsPanel.versionItems.first()).toContainText('Delete marker');
    await expect(detailsPanel.versionItems.first()).toContainText('Current');
    // Its "More actions" offer Undelete only.
    const menu = await folderPage.openRowMenu('report.txt');
    await expect(menu.getByRole('menuitem')).toHaveText(['Undelete']);
    await menu.getByRole('menuitem', { name: 'Undelete' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Undeleted docs/report.txt.' }),
    ).toBeVisible();
    await expect(folderPage.deletedLabel('report.txt')).toHaveCount(0);
    expect(cephS3.get(bucket, 'docs/report.txt')).toBe('the report, final');
    await detailsPanel.tab('Details').click();
    await expect(detailsPanel.previewText).toHaveText('the report, final');
  });

  await test.step('a selection of deleted rows: Undelete for all of them', async () => {
    cephS3.delete(bucket, 'docs/a.txt');
    cephS3.delete(bucket, 'docs/b.txt');
    await page.reload();
    await expect(folderPage.deletedLabel('a.txt')).toBeVisible();
    await folderPage.checkbox('a.txt').check();
    await folderPage.checkbox('b.txt').check();
    await expect(folderPage.selection.getByRole('button')).toHaveText([
      'Undelete',
      'Clear selection',
    ]);
    // With a current object checked too, nothing applies to both kinds.
    await folderPage.checkbox('keep.txt').check();
    await expect(folderPage.selection.getByRole('button')).toHaveText(['Clear selection']);
    await folderPage.checkbox('keep.txt').uncheck();
    await folderPage.selectionAction('Undelete').click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Undeleted 2 objects.' }),
    ).toBeVisible();
    await expect(folderPage.deletedLabel('a.txt')).toHaveCount(0);
    await expect(folderPage.deletedLabel('b.txt')).toHaveCount(0);
    expect(cephS3.get(bucket, 'docs/a.txt')).toBe('a');

    await folderPage.showDeleted.uncheck();
    await expect.poll(() => new URL(page.url()).searchParams.get('deleted')).toBeNull();
    await folderPage.expectRowNames(['a.txt', 'b.txt', 'keep.txt', 'report.txt']);
  });
});

test.describe('a bucket never versioned', () => {
  test.use({ versioned: false });

  test('Enable and Suspend in the bucket header, confirmed, as boto3 sees them', async ({
    page,
    bucket,
    folderPage,
    detailsPanel,
  }) => {
    cephS3.put(bucket, 'plain.txt', 'plain');
    await folderPage.gotoBucket(bucket, '', 'plain.txt');
    await expect(folderPage.versioningStatus).toHaveText('Versioning: off');
    // Off: no versions to show, no deleted keys to list.
    await expect(detailsPanel.previewText).toHaveText('plain');
    await expect(detailsPanel.tab('Versions')).toHaveCount(0);
    await expect(folderPage.showDeleted).toHaveCount(0);
    await expect(folderPage.suspendVersioning).toHaveCount(0);

    await folderPage.enableVersioning.click();
    const enable = new VersioningDialog(page, 'Enable', bucket);
    await expect(enable.root).toContainText('never returns to “never enabled”');
    await enable.confirmButton.click();
    await expect(enable.root).toBeHidden();
    await expect(folderPage.versioningStatus).toHaveText('Versioning: on');
    expect(cephS3.versioning(bucket)).toBe('Enabled');
    await expect(detailsPanel.tab('Versions')).toBeVisible();
    await expect(folderPage.showDeleted).toBeVisible();

    await folderPage.suspendVersioning.click();
    const suspend = new VersioningDialog(page, 'Suspend', bucket);
    await expect(suspend.root).toContainText('the versions kept so far stay');
    await suspend.confirmButton.click();
    await expect(folderPage.versioningStatus).toHaveText('Versioning: suspended');
    expect(cephS3.versioning(bucket)).toBe('Suspended');
    // Suspended still has versions to show, and Enable again.
    await expect(detailsPanel.tab('Versions')).toBeVisible();
    await expect(folderPage.enableVersioning).toBeVisible();

    // Deleting on a suspended bucket says what happens to the "null" version.
    await folderPage.rowAction('plain.txt', 'Delete');
    const dialog = new DeleteDialog(page, 'Delete plain.txt?');
    await expect(dialog.root).toContainText('the “null” version is replaced by a delete marker');
    await dialog.root.getByRole('button', { name: 'Cancel' }).click();
  });
});
