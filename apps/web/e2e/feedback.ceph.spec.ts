import { expect } from '@playwright/test';
import { DeleteDialog } from './pages/dialogs';
import { makeApiBucket, removeApiBucket } from './support/api-buckets';
import { test as base } from './support/fixtures';
import { cephS3 } from './support/s3';

// On Ceph RGW with versioning on: a delete's toast offers Undo, which removes its delete marker.

const test = base.extend<{ bucket: string }>({
  bucket: async ({ request }, use) => {
    const bucket = await makeApiBucket(request, 'undo', { versioning: true });
    await use(bucket);
    await removeApiBucket(request, bucket);
  },
});

test('delete on a versioned bucket, then Undo in the toast: the object is back', async ({
  page,
  bucket,
  folderPage,
  toasts,
}) => {
  test.setTimeout(120_000);
  cephS3.put(bucket, 'docs/keep.txt', 'keep');
  cephS3.put(bucket, 'docs/report.txt', 'the report');

  await folderPage.gotoBucket(bucket, 'docs/');
  await folderPage.expectRowNames(['keep.txt', 'report.txt']);
  await expect(folderPage.versioningStatus).toHaveText('Versioning: on');

  await folderPage.rowAction('report.txt', 'Delete');
  const dialog = new DeleteDialog(page, 'Delete report.txt?');
  await dialog.confirm();
  await expect(dialog.root).toHaveCount(0);
  await expect(toasts.toast('Deleted 1 object')).toBeVisible();
  await folderPage.expectRowNames(['keep.txt']);
  expect(cephS3.keyVersions(bucket, 'docs/report.txt')[0]).toMatchObject({ marker: true });

  await toasts.action('Deleted 1 object', 'Undo').click();
  await expect(toasts.toast('Undeleted docs/report.txt.')).toBeVisible();
  await folderPage.expectRowNames(['keep.txt', 'report.txt']);
  // The delete marker the delete made is gone; the object's one version is current again.
  const versions = cephS3.keyVersions(bucket, 'docs/report.txt');
  expect(versions.filter((v) => v.marker)).toEqual([]);
  expect(versions[0]).toMatchObject({ latest: true, marker: false });
  expect(cephS3.get(bucket, 'docs/report.txt')).toBe('the report');
});
