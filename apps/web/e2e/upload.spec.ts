import { expect } from '@playwright/test';
import path from 'node:path';
import {
  listFolderViaApi,
  listKeysViaApi,
  objectApiPath,
  objectContentApiPath,
} from './support/api';
import { DEMO_BUCKET } from './support/demo';
import { dragAndDropPaths, makeTempTree } from './support/files';
import { folderTest as test } from './support/fixtures';
import { expectNeverFor, FAST_POLL } from './support/poll';

test('dropping two files and a folder uploads them all, keeping the folder structure', async ({
  page,
  request,
  folder,
  folderPage,
  transfersPanel,
}) => {
  // Every byte value, so any text decoding or newline conversion on the way would show.
  const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 256));
  const files = {
    'notes.txt': 'First file.\n',
    'bytes.bin': bytes,
    'photos/cover.txt': 'The cover.\n',
    'photos/2024/summer.txt': 'Summer, two folders down.\n',
  };
  const dir = await makeTempTree(files);
  const keys = Object.keys(files).map((name) => `${folder}${name}`);

  await folderPage.goto(folder);
  await expect(folderPage.emptyMessage).toBeVisible();

  // A real drop from the disk: two files and the photos folder (with its subfolder).
  await dragAndDropPaths(
    page,
    folderPage.dropZone,
    ['notes.txt', 'bytes.bin', 'photos'].map((name) => path.join(dir, name)),
    async () => {
      // While the files hover, the browser says where they will go.
      await expect(page.getByText(`Drop files to upload to ${folder}`)).toBeVisible();
    },
  );
  await expect(page.getByText(`Drop files to upload to ${folder}`)).toHaveCount(0);

  // One row per file, the folder's files included, each to 100 % and "Uploaded".
  await expect(transfersPanel.root).toBeVisible();
  await expect(transfersPanel.items).toHaveCount(keys.length);
  for (const key of keys) await transfersPanel.expectUploaded(key);
  await expect(transfersPanel.summary).toHaveText('4 uploaded');
  await expect(transfersPanel.item(`${folder}photos/2024/summer.txt`)).toContainText(
    `summer.txt in ${folder}photos/2024/`,
  );

  // The listing refreshes by itself: the folder first, then the two files.
  await folderPage.expectRowNames(['photos/', 'bytes.bin', 'notes.txt']);
  await folderPage.openRow('photos/');
  await folderPage.expectBreadcrumb([DEMO_BUCKET, folder.slice(0, -1), 'photos']);
  await folderPage.expectRowNames(['2024/', 'cover.txt']);
  await folderPage.openRow('2024/');
  await folderPage.expectRowNames(['summer.txt']);

  // The store holds exactly these keys, with the bytes that were on the disk.
  expect(await listKeysViaApi(request, folder)).toEqual([...keys].sort());
  for (const [name, body] of Object.entries(files)) {
    const res = await request.get(objectContentApiPath(`${folder}${name}`));
    expect(res.status(), name).toBe(200);
    expect((await res.body()).equals(Buffer.from(body)), `bytes of ${name}`).toBe(true);
  }
});

test('cancelling a large upload mid-way stores nothing', async ({
  page,
  request,
  folder,
  folderPage,
  transfersPanel,
}) => {
  const size = 64 * 1024 * 1024;
  const key = `${folder}big.bin`;
  const rootBefore = await listFolderViaApi(request, '');
  await folderPage.goto(folder);
  await expect(folderPage.emptyMessage).toBeVisible();

  // 8 MiB/s up: 8 s for the whole file. Cancelled past a quarter, once the server has begun
  // the store's multipart upload (8 MiB parts), so it is that upload which must be aborted.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: 8 * 1024 * 1024,
  });

  // A 64 MiB file made in the page, dropped as a DataTransfer built there too.
  const dataTransfer = await page.evaluateHandle((bytes) => {
    const chunk = new Uint8Array(1024 * 1024).fill(0x5a);
    const parts = Array.from({ length: bytes / chunk.length }, () => chunk);
    const transfer = new DataTransfer();
    transfer.items.add(new File(parts, 'big.bin', { type: 'application/octet-stream' }));
    return transfer;
  }, size);
  await folderPage.dropZone.dispatchEvent('dragenter', { dataTransfer });
  await folderPage.dropZone.dispatchEvent('dragover', { dataTransfer });
  await folderPage.dropZone.dispatchEvent('drop', { dataTransfer });

  const item = transfersPanel.item(key);
  const progress = item.getByRole('progressbar');
  await expect(item).toContainText('Uploading');
  const percent = async () => Number(await progress.getAttribute('aria-valuenow'));
  await expect.poll(percent, { ...FAST_POLL, timeout: 30_000 }).toBeGreaterThanOrEqual(25);
  expect(await percent()).toBeLessThan(100);
  await expect(progress).toHaveAttribute('aria-valuetext', /^\d+%, [\d.]+ [KM]?B of 64\.0 MB$/);

  await item.getByRole('button', { name: 'Cancel', exact: true }).click();

  await expect(item).toContainText('Cancelled');
  await expect(item).toHaveAttribute('data-status', 'cancelled');
  await expect(item.getByRole('button', { name: 'Cancel', exact: true })).toHaveCount(0);
  await expect(item.getByRole('button', { name: 'Retry' })).toBeVisible();
  expect(await percent()).toBeLessThan(100);
  await expect(transfersPanel.summary).toHaveText('0 uploaded, 1 cancelled');
  await expect(transfersPanel.root.getByRole('button', { name: 'Cancel all' })).toBeDisabled();

  // Nothing was stored, and nothing shows up a little later either (the server aborts the
  // store's multipart upload once it sees the request end).
  const stored = async () => {
    const details = await request.get(objectApiPath(key));
    const keys = await listKeysViaApi(request, folder);
    return details.status() !== 404 || keys.length > 0;
  };
  expect(await stored(), 'the cancelled object exists').toBe(false);
  await expectNeverFor(3000, stored, 'the cancelled upload appeared in the store');
  // Not even as a folder: the bucket's root lists what it did before.
  expect(await listFolderViaApi(request, '')).toEqual(rootBefore);
  await expect(folderPage.emptyMessage).toBeVisible();
});
