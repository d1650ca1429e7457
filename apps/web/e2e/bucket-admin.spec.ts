import { expect } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { CreateBucketDialog, DeleteBucketDialog } from './pages/bucket-dialogs';
import { UploadsPage } from './pages/uploads-page';
import { putObjectViaApi } from './support/api';
import { removeBucket } from './support/buckets';
import { MANY_COUNT } from './support/demo';
import { test } from './support/fixtures';

// Bucket administration on the embedded store (s3rver): create, empty, delete; its unfinished
// uploads page says the store cannot list them; usage. Ceph: buckets.ceph.spec.ts.

test('create a bucket (its name checked as typed), then empty and delete it', async ({
  page,
  request,
  bucketList,
}) => {
  const bucket = `e2e-admin-${randomBytes(4).toString('hex')}`;
  try {
    await bucketList.goto();
    await bucketList.createButton.click();
    const create = new CreateBucketDialog(page);
    for (const [typed, message] of [
      ['ab', 'A bucket name is at least 3 characters long'],
      ['My-Bucket', 'A bucket name uses lower-case letters, digits, "." and "-" only'],
      ['bucket-', 'A bucket name ends with a letter or a digit'],
      ['a..b', 'A bucket name has no two dots in a row'],
      ['192.168.0.1', 'A bucket name is not an IP address'],
    ] as const) {
      await create.name.fill(typed);
      await expect(create.nameError, typed).toHaveText(message);
    }
    await create.name.fill(bucket);
    await expect(create.nameError).toHaveCount(0);
    await create.submit.click();
    await expect(create.root).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'created' })).toContainText(
      `Bucket ${bucket} created.`,
    );
    await expect(bucketList.bucketLink(bucket)).toBeVisible();

    // The name is taken now: the store's refusal, in words.
    await bucketList.createButton.click();
    await create.name.fill(bucket);
    await create.submit.click();
    await expect(create.root.getByRole('alert')).toContainText('The bucket was not created.');
    await create.root.getByRole('button', { name: 'Cancel' }).click();

    for (const key of ['one.txt', 'two.txt', 'sub/three.txt']) {
      await putObjectViaApi(request, key, `body of ${key}`, { bucket });
    }
    await bucketList.deleteButton(bucket).click();
    const dialog = new DeleteBucketDialog(page, bucket);
    await dialog.confirmName.fill(bucket);
    await dialog.deleteButton.click();
    await expect(dialog.root).toContainText(`The bucket ${bucket} still holds 3 objects`);
    await expect(dialog.holds.getByRole('listitem')).toHaveText(['3 objects (51 B)']);
    // The name typed to delete it counts for emptying it and for the delete after: asked once.
    await expect(dialog.confirmName).toHaveCount(0);
    await dialog.emptyButton.click();
    await expect(dialog.status).toHaveText('Deleted 3 entries.');
    await expect(dialog.confirmName).toHaveCount(0);
    await dialog.deleteButton.click();
    await expect(dialog.status).toHaveText(`The bucket ${bucket} was deleted.`);
    await dialog.closeButton.click();
    await expect(bucketList.bucketLink(bucket)).toHaveCount(0);
    await expect(bucketList.bucketLink()).toBeVisible();
  } finally {
    await removeBucket(bucket);
  }
});

test('an empty bucket is deleted once its name is typed again', async ({ page, bucketList }) => {
  const bucket = `e2e-admin-${randomBytes(4).toString('hex')}`;
  try {
    await bucketList.goto();
    await bucketList.createButton.click();
    const create = new CreateBucketDialog(page);
    await create.name.fill(bucket);
    await create.submit.click();
    await bucketList.deleteButton(bucket).click();
    const dialog = new DeleteBucketDialog(page, bucket);
    await expect(dialog.deleteButton).toBeDisabled();
    await dialog.confirmName.fill(`${bucket}x`);
    await expect(dialog.deleteButton).toBeDisabled();
    await dialog.confirmName.fill(bucket);
    await dialog.confirmName.press('Enter');
    await expect(dialog.status).toHaveText(`The bucket ${bucket} was deleted.`);
    await dialog.closeButton.click();
    await expect(bucketList.bucketLink(bucket)).toHaveCount(0);
  } finally {
    await removeBucket(bucket);
  }
});

test('s3rver cannot list unfinished uploads: the page says so', async ({ page }) => {
  const uploads = new UploadsPage(page);
  await uploads.goto('demo');
  await expect(uploads.heading).toBeVisible();
  await expect(page.getByRole('alert')).toContainText(
    'This store does not list unfinished uploads.',
  );
  await expect(uploads.olderButton).toHaveCount(0);
});

test('the usage of a folder: counted live, then its totals and largest objects', async ({
  page,
}) => {
  await page.goto('/b/demo?prefix=many%2F');
  await page
    .getByRole('navigation', { name: 'Bucket' })
    .getByRole('link', { name: 'Usage' })
    .click();
  await expect(page).toHaveURL(/\/b\/demo\/usage\?prefix=many\/$/);
  await expect(page.getByRole('heading', { name: 'Usage of many/', level: 1 })).toBeVisible();
  const figures = page.getByRole('definition');
  await expect(figures.first()).toHaveText(MANY_COUNT.toLocaleString('en-US'));
  await expect(page.getByRole('region', { name: 'Usage' })).toContainText(
    'Unfinished uploadsnot listed by this store',
  );
  const largest = page.getByRole('table', { name: 'Largest objects' });
  await expect(largest.getByRole('row')).toHaveCount(21);
  await largest.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/b\/demo\?prefix=many\/&key=many\/item-/);
});
