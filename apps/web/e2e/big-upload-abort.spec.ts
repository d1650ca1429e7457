import { expect } from '@playwright/test';
import { makeBigFile, throttleUploads, watchPartPuts } from './support/big-files';
import { folderTest as test } from './support/fixtures';
import { FAST_POLL } from './support/poll';

// The embedded s3rver has no AbortMultipartUpload (the API answers 502 NotSupported): what the
// transfer panel says when Discard cannot abort an interrupted upload there. On Ceph RGW the
// abort itself is checked (big-upload.ceph.spec.ts).

test.describe.configure({ timeout: 180_000 });

test('Discard on a store that cannot abort says so, and keeps the upload listed', async ({
  page,
  folder,
  folderPage,
}) => {
  const { file } = await makeBigFile('kept.bin', 96);
  const key = `${folder}kept.bin`;
  await folderPage.goto(folder);
  const puts = watchPartPuts(page);
  await throttleUploads(page, 16 * 1024 * 1024);
  await folderPage.pickFiles('Upload files', file);
  await expect
    .poll(() => puts.accepted.length, { ...FAST_POLL, timeout: 60_000 })
    .toBeGreaterThanOrEqual(2);
  page.on('dialog', (dialog) => void dialog.accept());
  await page.reload();

  const interrupted = page.getByRole('region', { name: 'Interrupted uploads' });
  const row = interrupted.getByRole('listitem', { name: `${key} (interrupted)` });
  await row.getByRole('button', { name: 'Discard' }).click();
  // The API's NotSupported, named after the store's refusal (s3rver's 405).
  await expect(interrupted.getByRole('alert')).toHaveText(
    /^The store at http:\/\/127\.0\.0\.1:\d+ does not implement this request \(MethodNotAllowed\)$/,
  );
  // Not forgotten: the store still holds it, so it can still be resumed.
  await expect(row).toBeVisible();
  await page.reload();
  await expect(row).toBeVisible();
});

test('Cancel of a big file on a store that cannot abort: Cancelled, the row says the parts stay, and after a reload listed as interrupted', async ({
  page,
  folder,
  folderPage,
  transfersPanel,
}) => {
  const { file } = await makeBigFile('cancelled.bin', 96);
  const key = `${folder}cancelled.bin`;
  await folderPage.goto(folder);
  const puts = watchPartPuts(page);
  await throttleUploads(page, 16 * 1024 * 1024);
  await folderPage.pickFiles('Upload files', file);
  const item = transfersPanel.item(key);
  await expect
    .poll(() => puts.accepted.length, { ...FAST_POLL, timeout: 60_000 })
    .toBeGreaterThanOrEqual(2);
  await item.getByRole('button', { name: 'Cancel' }).click();
  await expect(item).toHaveAttribute('data-status', 'cancelled');
  await expect(item).toContainText('Cancelled');
  // The abort was refused: the row says the parts stay, and why.
  await expect(item).toContainText(
    /The parts already sent stay on the store: The store at .* does not implement this request/,
  );
  page.on('dialog', (dialog) => void dialog.accept());
  // The upload is remembered, so the next page lists it under Interrupted (to resume, or to
  // discard, where Discard says why it cannot go).
  await page.reload();
  const interrupted = page.getByRole('region', { name: 'Interrupted uploads' });
  await expect(interrupted.getByRole('listitem', { name: `${key} (interrupted)` })).toBeVisible();
});
