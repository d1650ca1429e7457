import { expect, type APIRequestContext } from '@playwright/test';
import { createHash } from 'node:crypto';
import { objectContentApiPath } from './support/api';
import {
  countPartsInFlight,
  makeBigFile,
  throttleUploads,
  watchPartPuts,
} from './support/big-files';
import { folderTest as test } from './support/fixtures';
import { FAST_POLL } from './support/poll';

const SIZE_MIB = 200;
/** What the API's create answer gives a 200 MiB file (multipartPartSize): 25 parts of 8 MiB. */
const PARTS = 25;

test.describe.configure({ timeout: 180_000 });

async function storedSha256(request: APIRequestContext, key: string) {
  const res = await request.get(objectContentApiPath(key), { timeout: 60_000 });
  expect(res.status()).toBe(200);
  return createHash('sha256')
    .update(await res.body())
    .digest('hex');
}

test('a 200 MiB file goes up as parts, 4 in flight, pauses and resumes, and survives going offline mid-way', async ({
  page,
  request,
  folder,
  folderPage,
  transfersPanel,
}) => {
  const { file, sha256 } = await makeBigFile('big.bin', SIZE_MIB);
  const key = `${folder}big.bin`;
  await folderPage.goto(folder);
  // 4 parts in flight: the panel's "Parallel uploads" (the existing setting), 4 by default.
  await page.evaluate(() => {
    localStorage.setItem('stowage.upload.concurrency', '4');
  });
  const puts = watchPartPuts(page);
  const concurrency = await countPartsInFlight(page);
  await throttleUploads(page, 40 * 1024 * 1024);

  await folderPage.pickFiles('Upload files', file);
  const item = transfersPanel.item(key);
  await expect(item).toContainText('Multipart · relay');

  // Pause once two parts are stored: nothing more is sent until Resume.
  await expect
    .poll(() => puts.accepted.length, { ...FAST_POLL, timeout: 60_000 })
    .toBeGreaterThanOrEqual(2);
  await item.getByRole('button', { name: 'Pause' }).click();
  await expect(item).toHaveAttribute('data-status', 'paused');
  await expect(item).toContainText('Paused');
  const sentWhilePaused = puts.sent.length;
  await page.waitForTimeout(1000);
  expect(puts.sent.length).toBe(sentWhilePaused);
  await item.getByRole('button', { name: 'Resume' }).click();
  await expect(item).toHaveAttribute('data-status', 'uploading');

  // Offline once a few parts are stored; back online a moment later.
  await expect
    .poll(() => puts.accepted.length, { ...FAST_POLL, timeout: 60_000 })
    .toBeGreaterThanOrEqual(4);
  await page.context().setOffline(true);
  const acceptedBeforeDrop = [...new Set(puts.accepted)];
  const sentBeforeDrop = puts.sent.length;
  await page.waitForTimeout(1500);
  await page.context().setOffline(false);

  await transfersPanel.expectUploaded(key);
  // Every part sent, and none the store had accepted before the drop sent again after it (the
  // parts cut off by the drop are sent again, alone).
  expect(new Set(puts.sent).size).toBe(PARTS);
  const sentAfterDrop = puts.sent.slice(sentBeforeDrop);
  for (const n of acceptedBeforeDrop)
    expect(sentAfterDrop, `part ${String(n)} again`).not.toContain(n);
  expect(await concurrency.max()).toBe(4);
  expect(await storedSha256(request, key)).toBe(sha256);
});

test('after a reload mid-upload, choosing the same file again sends only the missing parts', async ({
  page,
  request,
  folder,
  folderPage,
  transfersPanel,
}) => {
  const { file, sha256 } = await makeBigFile('resumed.bin', SIZE_MIB);
  const key = `${folder}resumed.bin`;
  await folderPage.goto(folder);
  const puts = watchPartPuts(page);
  await throttleUploads(page, 40 * 1024 * 1024);
  await folderPage.pickFiles('Upload files', file);
  await expect
    .poll(() => puts.accepted.length, { ...FAST_POLL, timeout: 60_000 })
    .toBeGreaterThanOrEqual(5);

  const acceptedBeforeReload = [...new Set(puts.accepted)];
  // Leaving asks first while uploads run: accept, as a user closing the tab would.
  page.on('dialog', (dialog) => void dialog.accept());
  await page.reload();
  const sentBeforeReload = puts.sent.length;

  // The panel lists it as interrupted, with Discard.
  const interrupted = page.getByRole('region', { name: 'Interrupted uploads' });
  await expect(interrupted.getByRole('listitem', { name: `${key} (interrupted)` })).toContainText(
    'of 200 MB',
  );
  await expect(interrupted.getByRole('button', { name: 'Discard' })).toBeVisible();

  await folderPage.pickFiles('Upload files', file);
  const item = transfersPanel.item(key);
  await expect(item).toContainText('resumed at', { timeout: 60_000 });
  await expect(interrupted).toHaveCount(0);
  await transfersPanel.expectUploaded(key);

  const sentAfterReload = puts.sent.slice(sentBeforeReload);
  for (const n of acceptedBeforeReload)
    expect(sentAfterReload, `part ${String(n)} again`).not.toContain(n);
  expect(new Set(puts.sent).size).toBe(PARTS);
  expect(await storedSha256(request, key)).toBe(sha256);
});
