import { expect } from '@playwright/test';
import { truncate } from 'node:fs/promises';
import path from 'node:path';
import { e2eDataDir } from './data-dir';
import { demoApiPath } from './support/api';
import { DEMO_BUCKET } from './support/demo';
import { folderTest as test } from './support/fixtures';

const GiB = 1024 ** 3;

test('the embedded store: what it cannot do is explained, and not offered', async ({
  page,
  request,
  folder,
  folderPage,
  detailsPanel,
  transfersPanel,
}) => {
  // What the API found out about s3rver (apps/api/test/integration/capabilities.test.ts).
  const res = await request.get(demoApiPath('capabilities'));
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({
    tagging: 'supported',
    versioning: 'unsupported',
    abortMultipartUpload: 'unsupported',
    uploadPartCopy: 'unsupported',
    presignedUrls: 'supported',
    // Of the bucket settings APIs, s3rver has CORS only (501 for the others).
    lifecycle: 'unsupported',
    cors: 'supported',
    policy: 'unsupported',
    bucketTagging: 'unsupported',
    encryption: 'unsupported',
    objectLock: 'unsupported',
  });

  await folderPage.goto(folder);
  await expect(page.getByText('Versioning: not supported by this store')).toBeVisible();

  // No AbortMultipartUpload: the transfer panel says what a cancel leaves behind.
  const name = 'huge.bin';
  const key = `${folder}${name}`;
  await folderPage.pickFiles('Upload files', {
    name,
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('small for now'),
  });
  await transfersPanel.expectUploaded(key);
  await expect(transfersPanel.root).toContainText(
    'Cancelling may leave parts behind. This store cannot abort multipart uploads',
  );
  await transfersPanel.close();

  // An object over 5 GiB without 5 GiB of disk: s3rver reports its file's size, so the stored
  // file becomes sparse. Its metadata edit would need UploadPartCopy, which s3rver lacks.
  const stored = path.join(e2eDataDir, 's3', DEMO_BUCKET, ...key.split('/'));
  await truncate(`${stored}._S3rver_object`, 5 * GiB + 1);
  await page.reload();
  await folderPage.openRow(name);
  const panel = detailsPanel.root;
  await expect(detailsPanel.field('Size')).toContainText('5,368,709,121 bytes');

  const writes: string[] = [];
  page.on('request', (req) => {
    if (req.method() !== 'GET') writes.push(`${req.method()} ${req.url()}`);
  });
  await panel.getByRole('button', { name: 'Edit metadata' }).click();
  await expect(panel.getByRole('alert')).toContainText(
    'The metadata of this object cannot be changed here.',
  );
  await expect(panel.getByRole('alert')).toContainText(
    'larger than 5 GiB: changing its metadata copies it in parts (UploadPartCopy), which this store does not support',
  );
  await expect(panel.getByRole('button', { name: 'Save' })).toHaveCount(0);
  await expect(panel.getByLabel('Content-Type', { exact: true })).toHaveCount(0);
  await panel.getByRole('button', { name: 'Close', exact: true }).click();
  expect(writes).toEqual([]);

  // Tags work on s3rver (PutObjectTagging, even to clear them): the editor stays offered.
  await expect(panel.getByRole('button', { name: 'Edit tags' })).toBeEnabled();
  await expect(panel.getByText('This store does not support object tags.')).toHaveCount(0);
});
