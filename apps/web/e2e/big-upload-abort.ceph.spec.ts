import { expect } from '@playwright/test';
import { makeApiBucket, removeApiBucket } from './support/api-buckets';
import { makeBigFile, throttleUploads, watchPartPuts } from './support/big-files';
import { test as base } from './support/fixtures';
import { FAST_POLL } from './support/poll';
import { cephS3 } from './support/s3';

// On Ceph RGW (the `ceph` project), which aborts multipart uploads (s3rver cannot): what the
// transfer panel leaves on the store when a big upload is discarded or cancelled, checked from
// outside with boto3's ListMultipartUploads.

/** A fresh bucket made through the API, emptied (uploads too) and deleted after. */
const test = base.extend<{ bucket: string }>({
  bucket: async ({ request }, use) => {
    const bucket = await makeApiBucket(request, 'big');
    await use(bucket);
    await removeApiBucket(request, bucket);
  },
});

test.describe.configure({ timeout: 180_000 });

/** Above the 64 MiB threshold: 12 parts of 8 MiB, slow enough (throttled) to act mid-way. */
const SIZE_MIB = 96;

test('Discard of an interrupted upload aborts it on the store', async ({
  page,
  bucket,
  folderPage,
}) => {
  const { file } = await makeBigFile('discarded.bin', SIZE_MIB);
  await folderPage.gotoBucket(bucket, '');
  const puts = watchPartPuts(page);
  await throttleUploads(page, 16 * 1024 * 1024);
  await folderPage.pickFiles('Upload files', file);
  await expect
    .poll(() => puts.accepted.length, { ...FAST_POLL, timeout: 60_000 })
    .toBeGreaterThanOrEqual(2);
  expect(cephS3.uploads(bucket)).toEqual(['discarded.bin']);

  // Leaving asks first while uploads run: accept, as a user closing the tab would.
  page.on('dialog', (dialog) => void dialog.accept());
  await page.reload();
  const interrupted = page.getByRole('region', { name: 'Interrupted uploads' });
  const row = interrupted.getByRole('listitem', { name: 'discarded.bin (interrupted)' });
  await expect(row).toContainText(`of ${String(SIZE_MIB)}`);
  // The reload cut the page's uploads: nothing else is sending parts of it.
  expect(cephS3.uploads(bucket)).toEqual(['discarded.bin']);

  await row.getByRole('button', { name: 'Discard' }).click();
  await expect(interrupted).toHaveCount(0);
  expect(cephS3.uploads(bucket)).toEqual([]);
  // Forgotten too: after another reload it is not listed again.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Transfers' })).toHaveCount(0);
});

test('Cancel of a big file mid-way aborts its multipart upload on the store', async ({
  page,
  bucket,
  folderPage,
  transfersPanel,
}) => {
  const { file } = await makeBigFile('cancelled.bin', SIZE_MIB);
  await folderPage.gotoBucket(bucket, '');
  const puts = watchPartPuts(page);
  await throttleUploads(page, 16 * 1024 * 1024);
  await folderPage.pickFiles('Upload files', file);
  const item = transfersPanel.item('cancelled.bin');
  await expect(item).toContainText('Multipart · relay');
  await expect
    .poll(() => puts.accepted.length, { ...FAST_POLL, timeout: 60_000 })
    .toBeGreaterThanOrEqual(2);
  expect(cephS3.uploads(bucket)).toEqual(['cancelled.bin']);

  await item.getByRole('button', { name: 'Cancel' }).click();
  await expect(item).toHaveAttribute('data-status', 'cancelled');
  await expect(item).toContainText('Cancelled');
  // The abort runs after the cancel (the parts in flight are cut first).
  await expect.poll(() => cephS3.uploads(bucket), { timeout: 30_000 }).toEqual([]);
  const sent = puts.sent.length;
  await page.waitForTimeout(1000);
  expect(puts.sent.length, 'no part sent after Cancel').toBe(sent);
  // Nothing stored under the key, and nothing to resume after a reload.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Interrupted uploads' })).toHaveCount(0);
  await expect(page.getByRole('row', { name: /cancelled\.bin/ })).toHaveCount(0);
});
