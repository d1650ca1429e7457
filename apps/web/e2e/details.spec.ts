import { expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { demoApiPath, objectContentApiPath } from './support/api';
import { DEMO_BUCKET, DEMO_IMAGE, seededBody } from './support/demo';
import { test } from './support/fixtures';
import { FAST_POLL } from './support/poll';

/** data/config.json as seeded (compact JSON). */
const CONFIG_BODY = seededBody('data/config.json');
const CONFIG = JSON.parse(CONFIG_BODY) as unknown;

test('selecting data/config.json shows its properties, metadata and pretty JSON', async ({
  folderPage,
  detailsPanel,
}) => {
  await folderPage.goto();
  await folderPage.openRow('data/');
  await folderPage.expectRowNames(['config.json']);
  await folderPage.openRow('config.json');

  await folderPage.expectLocation('data/', 'data/config.json');
  await expect(folderPage.row('config.json')).toHaveAttribute('aria-selected', 'true');
  await expect(detailsPanel.heading).toHaveText('config.json');
  await expect(detailsPanel.field('Key')).toHaveText('data/config.json');
  const size = Buffer.byteLength(CONFIG_BODY);
  await expect(detailsPanel.field('Size')).toHaveText(`${size} B (${size} bytes)`);
  // A single-part upload's ETag is the quoted MD5 of the body.
  const md5 = createHash('md5').update(CONFIG_BODY).digest('hex');
  await expect(detailsPanel.field('ETag')).toHaveText(`"${md5}"`);
  await expect(detailsPanel.field('Content type')).toHaveText('application/json');
  await expect(detailsPanel.field('Last modified').locator('time')).toHaveAttribute(
    'datetime',
    /^\d{4}-\d\d-\d\dT/,
  );

  await expect(detailsPanel.tableValue('User metadata', 'owner')).toHaveText('demo');
  await expect(detailsPanel.tableValue('User metadata', 'purpose')).toHaveText('sample-config');
  await expect(detailsPanel.table('User metadata').getByRole('row')).toHaveCount(3); // header + 2
  await expect(detailsPanel.root.getByText('No tags.')).toBeVisible();

  // Pretty-printed (2-space indent, one member per line), not the stored one-liner.
  await expect(detailsPanel.previewText).toContainText('"name": "stowage"');
  await expect(detailsPanel.previewText).toHaveJSProperty(
    'textContent',
    JSON.stringify(CONFIG, null, 2),
  );
});

test('README.txt previews as text', async ({ folderPage, detailsPanel }) => {
  await folderPage.goto();
  await folderPage.openRow('README.txt');

  await folderPage.expectLocation('', 'README.txt');
  await expect(detailsPanel.field('Content type')).toHaveText('text/plain; charset=utf-8');
  await expect(detailsPanel.preview).toContainText('Welcome to Stowage.');
  // Shown as stored: line breaks kept.
  await expect
    .poll(() => detailsPanel.previewText.textContent(), FAST_POLL)
    .toMatch(/^Welcome to Stowage\.\n\nThis demo bucket lives in /);
});

test('images/gradient.png previews as an image that really loaded', async ({
  folderPage,
  detailsPanel,
}) => {
  await folderPage.goto();
  await folderPage.openRow('images/');
  await folderPage.openRow('gradient.png');

  await folderPage.expectLocation('images/', 'images/gradient.png');
  const image = detailsPanel.preview.getByRole('img', { name: 'Preview of the object' });
  await expect(image).toBeVisible();
  await expect(image).toHaveJSProperty('complete', true);
  await expect(image).toHaveJSProperty('naturalWidth', DEMO_IMAGE.width);
  await expect(image).toHaveJSProperty('naturalHeight', DEMO_IMAGE.height);
  await expect(detailsPanel.preview.getByText('This image could not be displayed.')).toHaveCount(0);
});

test('"Download" saves the object under its own name with its exact bytes', async ({
  page,
  request,
  folderPage,
  detailsPanel,
}) => {
  const key = 'docs/unicode/café émoji 🎉.txt';
  const name = 'café émoji 🎉.txt';
  const seeded = Buffer.from(seededBody(key), 'utf8');

  await folderPage.goto('docs/unicode/');
  await folderPage.openRow(name);
  await folderPage.expectLocation('docs/unicode/', key);
  const downloadLink = detailsPanel.downloadLink;
  await expect(downloadLink).toBeVisible();
  // It asks the API for the object as an attachment.
  const href = new URL((await downloadLink.getAttribute('href')) ?? '', page.url());
  expect(href.pathname).toBe(demoApiPath('object/content'));
  expect(Object.fromEntries(href.searchParams)).toEqual({ key, download: '1' });

  const [download] = await Promise.all([page.waitForEvent('download'), downloadLink.click()]);
  expect(download.suggestedFilename()).toBe(name);
  expect(await download.failure()).toBeNull();
  const saved = await readFile(await download.path());

  const api = await request.get(objectContentApiPath(key));
  expect(api.status()).toBe(200);
  const served = await api.body();
  expect(saved.equals(served), 'downloaded bytes = API bytes').toBe(true);
  expect(saved.equals(seeded), 'downloaded bytes = seeded body').toBe(true);
});

test('a deep link to a key with reserved URL characters survives a reload', async ({
  page,
  folderPage,
  detailsPanel,
}) => {
  const key = 'docs/unicode/a+b & c=d #1 50%.txt';
  const name = 'a+b & c=d #1 50%.txt';

  // Typed out, as a user would paste it (not built by appFolderUrl).
  await page.goto(
    '/b/demo?prefix=docs/unicode/&key=docs/unicode/a%2Bb%20%26%20c%3Dd%20%231%2050%25.txt',
  );
  const expectRestored = async () => {
    await folderPage.expectLocation('docs/unicode/', key);
    await folderPage.expectBreadcrumb([DEMO_BUCKET, 'docs', 'unicode']);
    await expect(folderPage.row(name)).toHaveAttribute('aria-selected', 'true');
    await expect(folderPage.row('café émoji 🎉.txt')).toHaveAttribute('aria-selected', 'false');
    await expect(detailsPanel.heading).toHaveText(name);
    await expect(detailsPanel.field('Key')).toHaveText(key);
    await expect(detailsPanel.preview).toContainText('Special characters in a key.');
  };

  await expectRestored();
  await page.reload();
  await expectRestored();
});
