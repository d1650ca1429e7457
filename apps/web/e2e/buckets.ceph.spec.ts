import { expect } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { CreateBucketDialog, DeleteBucketDialog } from './pages/bucket-dialogs';
import { UploadsPage } from './pages/uploads-page';
import { test } from './support/fixtures';
import { cephS3 } from './support/s3';

// On Ceph RGW (the `ceph` project): a bucket's life through the app, checked with boto3.
test('create a versioned bucket, abort its unfinished upload, empty it and delete it', async ({
  page,
  bucketList,
}) => {
  // A bucket's whole life, with a dozen boto3 calls (a Python start each): more than 60 s
  // on a busy machine.
  test.setTimeout(180_000);
  const bucket = `e2e-life-${randomBytes(4).toString('hex')}`;

  await test.step('create it with versioning: listed, and boto3 sees versioning on', async () => {
    await bucketList.goto();
    await bucketList.createButton.click();
    const create = new CreateBucketDialog(page);
    await create.name.fill('Bad_Name');
    await expect(create.nameError).toHaveText(
      'A bucket name uses lower-case letters, digits, "." and "-" only',
    );
    await create.name.fill(bucket);
    await expect(create.nameError).toHaveCount(0);
    await create.versioning.check();
    await create.submit.click();
    await expect(create.root).toBeHidden();
    await expect(bucketList.bucketLink(bucket)).toBeVisible();
    expect(cephS3.versioning(bucket)).toBe('Enabled');
  });

  await test.step('an unfinished upload left by boto3 is listed and aborted', async () => {
    cephS3.startUpload(bucket, 'big/video.bin', 100_000);
    const uploads = new UploadsPage(page);
    await bucketList.bucketLink(bucket).click();
    await page.getByRole('link', { name: 'Unfinished uploads' }).click();
    await expect(uploads.heading).toBeVisible();
    const row = uploads.row('big/video.bin');
    await expect(row.getByRole('cell')).toHaveText([
      'big/video.bin',
      /\d/,
      '1',
      '97.7 KB',
      'Abort',
    ]);
    await uploads.abort('big/video.bin');
    await expect(uploads.empty).toBeVisible();
    expect(cephS3.uploads(bucket)).toEqual([]);

    // "Abort all older than 0 days": every upload (two more started by boto3).
    cephS3.startUpload(bucket, 'x.bin', 10);
    cephS3.startUpload(bucket, 'y.bin', 10);
    await page.reload();
    await expect(uploads.table.getByRole('row')).toHaveCount(3);
    await uploads.olderDays.fill('0');
    await uploads.olderButton.click();
    const older = page.getByRole('dialog', { name: 'Abort uploads older than 0 days?' });
    await older.getByRole('button', { name: 'Abort uploads' }).click();
    await expect(older.getByRole('status')).toHaveText('Aborted 2 uploads.');
    await older.getByRole('button', { name: 'Close' }).click();
    await expect(uploads.empty).toBeVisible();
    expect(cephS3.uploads(bucket)).toEqual([]);
  });

  await test.step('objects, versions and a delete marker: Delete asks to empty first', async () => {
    cephS3.put(bucket, 'a.txt', 'one');
    cephS3.put(bucket, 'a.txt', 'two');
    cephS3.put(bucket, 'docs/b.txt', 'three');
    cephS3.put(bucket, 'gone.txt', 'four');
    cephS3.delete(bucket, 'gone.txt');
    expect(cephS3.versions(bucket)).toBe(5);
    cephS3.startUpload(bucket, 'part.bin', 1000);

    // Usage: the current objects, the noncurrent versions and the upload, as boto3 put them.
    await page.goto(`/b/${bucket}/usage`);
    const usage = page.getByRole('region', { name: 'Usage' });
    await expect(usage.getByRole('definition')).toHaveText([
      '2',
      '8 B',
      '1 upload holding 1000 B (see them)',
      '3 versions and delete markers holding 7 B',
    ]);
    await expect(page.getByRole('table', { name: 'Largest objects' }).getByRole('row')).toHaveText([
      /^Key/,
      /^docs\/b\.txt5 B/,
      /^a\.txt3 B/,
    ]);

    await bucketList.goto();
    await bucketList.deleteButton(bucket).click();
    const dialog = new DeleteBucketDialog(page, bucket);
    await expect(dialog.deleteButton).toBeDisabled();
    await dialog.confirmName.fill(`${bucket}x`);
    await expect(dialog.deleteButton).toBeDisabled();
    await dialog.confirmName.fill(bucket);
    await dialog.deleteButton.click();
    await expect(dialog.root).toContainText(
      `The bucket ${bucket} still holds 5 versions and delete markers and 1 unfinished upload: empty it first.`,
    );
    await expect(dialog.holds.getByRole('listitem')).toHaveText([
      '2 objects (8 B)',
      '3 noncurrent versions and delete markers (7 B)',
      '1 unfinished upload (1000 B)',
    ]);
    await expect(dialog.root).toContainText('as this bucket is versioned');
    // The name typed once: not asked again to empty it, nor to delete it after.
    await expect(dialog.confirmName).toHaveCount(0);
    await dialog.emptyButton.click();
    await expect(dialog.status).toHaveText('Deleted 5 entries, aborted 1 unfinished upload.');
    expect(cephS3.versions(bucket)).toBe(0);
    expect(cephS3.uploads(bucket)).toEqual([]);

    await expect(dialog.confirmName).toHaveCount(0);
    await dialog.deleteButton.click();
    await expect(dialog.status).toHaveText(`The bucket ${bucket} was deleted.`);
    await dialog.closeButton.click();
    await expect(bucketList.bucketLink(bucket)).toHaveCount(0);
    expect(cephS3.exists(bucket)).toBe(false);
  });
});
