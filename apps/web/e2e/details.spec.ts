import { expect, test } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import {
  detailsField,
  detailsPanel,
  expectBreadcrumb,
  expectLocation,
  expectRowNames,
  gridRow,
  openRow,
  previewRegion,
} from './helpers';
import { demoApiPath, objectContentApiPath } from './support/api';
import { DEMO_BUCKET, DEMO_IMAGE, seededBody } from './support/demo';
import { FAST_POLL } from './support/poll';
import { appFolderUrl } from './support/urls';

/** data/config.json as seeded (compact JSON). */
const CONFIG_BODY = seededBody('data/config.json');
const CONFIG = JSON.parse(CONFIG_BODY) as unknown;

test('selecting data/config.json shows its properties, metadata and pretty JSON', async ({
  page,
}) => {
  await page.goto(appFolderUrl());
  await openRow(page, 'data/');
  await expectRowNames(page, ['config.json']);
  await openRow(page, 'config.json');

  await expectLocation(page, 'data/', 'data/config.json');
  await expect(gridRow(page, 'config.json')).toHaveAttribute('aria-selected', 'true');
  const panel = detailsPanel(page);
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('config.json');
  await expect(detailsField(panel, 'Key')).toHaveText('data/config.json');
  const size = Buffer.byteLength(CONFIG_BODY);
  await expect(detailsField(panel, 'Size')).toHaveText(`${size} B (${size} bytes)`);
  // A single-part upload's ETag is the quoted MD5 of the body.
  const md5 = createHash('md5').update(CONFIG_BODY).digest('hex');
  await expect(detailsField(panel, 'ETag')).toHaveText(`"${md5}"`);
  await expect(detailsField(panel, 'Content type')).toHaveText('application/json');
  await expect(detailsField(panel, 'Last modified').locator('time')).toHaveAttribute(
    'datetime',
    /^\d{4}-\d\d-\d\dT/,
  );

  const metadata = panel.getByRole('table', { name: 'User metadata' });
  const metadataValue = (name: string) =>
    metadata
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name, exact: true }) })
      .getByRole('cell')
      .nth(1);
  await expect(metadataValue('owner')).toHaveText('demo');
  await expect(metadataValue('purpose')).toHaveText('sample-config');
  await expect(metadata.getByRole('row')).toHaveCount(3); // header + 2
  await expect(panel.getByText('No tags.')).toBeVisible();

  // Pretty-printed (2-space indent, one member per line), not the stored one-liner.
  const previewText = previewRegion(page).getByLabel('Preview text');
  await expect(previewText).toContainText('"name": "stowage"');
  await expect(previewText).toHaveJSProperty('textContent', JSON.stringify(CONFIG, null, 2));
});

test('README.txt previews as text', async ({ page }) => {
  await page.goto(appFolderUrl());
  await openRow(page, 'README.txt');

  await expectLocation(page, '', 'README.txt');
  await expect(detailsField(detailsPanel(page), 'Content type')).toHaveText(
    'text/plain; charset=utf-8',
  );
  const preview = previewRegion(page);
  await expect(preview).toContainText('Welcome to Stowage.');
  // Shown as stored: line breaks kept.
  await expect
    .poll(() => preview.getByLabel('Preview text').textContent(), FAST_POLL)
    .toMatch(/^Welcome to Stowage\.\n\nThis demo bucket lives in /);
});

test('images/gradient.png previews as an image that really loaded', async ({ page }) => {
  await page.goto(appFolderUrl());
  await openRow(page, 'images/');
  await openRow(page, 'gradient.png');

  await expectLocation(page, 'images/', 'images/gradient.png');
  const image = previewRegion(page).getByRole('img', { name: 'Preview of the object' });
  await expect(image).toBeVisible();
  await expect(image).toHaveJSProperty('complete', true);
  await expect(image).toHaveJSProperty('naturalWidth', DEMO_IMAGE.width);
  await expect(image).toHaveJSProperty('naturalHeight', DEMO_IMAGE.height);
  await expect(previewRegion(page).getByText('This image could not be displayed.')).toHaveCount(0);
});

test('"Download" saves the object under its own name with its exact bytes', async ({
  page,
  request,
}) => {
  const key = 'docs/unicode/café émoji 🎉.txt';
  const name = 'café émoji 🎉.txt';
  const seeded = Buffer.from(seededBody(key), 'utf8');

  await page.goto(appFolderUrl('docs/unicode/'));
  await openRow(page, name);
  await expectLocation(page, 'docs/unicode/', key);
  const downloadLink = detailsPanel(page).getByRole('link', { name: 'Download' });
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

test('a deep link to a key with reserved URL characters survives a reload', async ({ page }) => {
  const key = 'docs/unicode/a+b & c=d #1 50%.txt';
  const name = 'a+b & c=d #1 50%.txt';

  await page.goto(
    '/b/demo?prefix=docs/unicode/&key=docs/unicode/a%2Bb%20%26%20c%3Dd%20%231%2050%25.txt',
  );
  const expectRestored = async () => {
    await expectLocation(page, 'docs/unicode/', key);
    await expectBreadcrumb(page, [DEMO_BUCKET, 'docs', 'unicode']);
    await expect(gridRow(page, name)).toHaveAttribute('aria-selected', 'true');
    await expect(gridRow(page, 'café émoji 🎉.txt')).toHaveAttribute('aria-selected', 'false');
    const panel = detailsPanel(page);
    await expect(panel.getByRole('heading', { level: 2 })).toHaveText(name);
    await expect(detailsField(panel, 'Key')).toHaveText(key);
    await expect(previewRegion(page)).toContainText('Special characters in a key.');
  };

  await expectRestored();
  await page.reload();
  await expectRestored();
});
