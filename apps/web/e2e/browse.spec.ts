import { expect, test } from '@playwright/test';
import {
  breadcrumb,
  detailsField,
  detailsPanel,
  expectBreadcrumb,
  expectLocation,
  expectRowNames,
  gridRow,
  listingStatus,
  objectGrid,
  openRow,
  previewRegion,
} from './helpers';
import { DEMO_BUCKET, DEMO_ROOT_ROWS } from './support/demo';
import { appFolderUrl } from './support/urls';

/** docs/unicode/ in store (UTF-8 byte) order. */
const UNICODE_NAMES = ['a+b & c=d #1 50%.txt', 'café émoji 🎉.txt', '日本語 ファイル.txt'];

test('the dashboard lists the demo bucket and opens it: folders first, then README.txt', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Buckets', level: 1 })).toBeVisible();
  const bucketLink = page
    .getByRole('table', { name: 'Buckets' })
    .getByRole('link', { name: DEMO_BUCKET, exact: true });
  await expect(bucketLink).toBeVisible();

  await bucketLink.click();

  await expectLocation(page, '');
  await expectBreadcrumb(page, [DEMO_BUCKET]);
  await expectRowNames(page, DEMO_ROOT_ROWS);
  await expect(listingStatus(page)).toHaveText('6 items');
  await expect(objectGrid(page)).toHaveAttribute(
    'aria-rowcount',
    String(DEMO_ROOT_ROWS.length + 1),
  );
  // Folders are links to their folder, the object a link that selects it.
  await expect(gridRow(page, 'docs/').getByRole('link')).toHaveAttribute('href', /prefix=docs\/$/);
  await expect(gridRow(page, 'README.txt').getByRole('link')).toHaveAttribute(
    'href',
    /key=README\.txt$/,
  );
});

test('folders open by click, the breadcrumb leads back, back/forward restore the folder', async ({
  page,
}) => {
  await page.goto(appFolderUrl());
  await expectRowNames(page, DEMO_ROOT_ROWS);

  await openRow(page, 'docs/');
  await expectLocation(page, 'docs/');
  await expectBreadcrumb(page, [DEMO_BUCKET, 'docs']);
  await expectRowNames(page, ['reports 2024/', 'unicode/']);

  await openRow(page, 'unicode/');
  await expectLocation(page, 'docs/unicode/');
  await expectBreadcrumb(page, [DEMO_BUCKET, 'docs', 'unicode']);
  await expectRowNames(page, UNICODE_NAMES);
  // Rendered exactly as stored: no escaping, no normalisation, no mangled emoji.
  for (const name of UNICODE_NAMES) {
    await expect(gridRow(page, name).getByRole('link')).toHaveText(name);
  }

  await breadcrumb(page).getByRole('link', { name: DEMO_BUCKET, exact: true }).click();
  await expectLocation(page, '');
  await expectBreadcrumb(page, [DEMO_BUCKET]);
  await expectRowNames(page, DEMO_ROOT_ROWS);

  await page.goBack();
  await expectLocation(page, 'docs/unicode/');
  await expectBreadcrumb(page, [DEMO_BUCKET, 'docs', 'unicode']);
  await expectRowNames(page, UNICODE_NAMES);

  await page.goBack();
  await expectLocation(page, 'docs/');
  await expectRowNames(page, ['reports 2024/', 'unicode/']);

  await page.goForward();
  await expectLocation(page, 'docs/unicode/');
  await expectRowNames(page, UNICODE_NAMES);

  await page.goForward();
  await expectLocation(page, '');
  await expectBreadcrumb(page, [DEMO_BUCKET]);
  await expectRowNames(page, DEMO_ROOT_ROWS);
});

test('"Go to path" opens the folder of a deep key and selects it', async ({ page }) => {
  const key = 'nested/a/b/c/deep.txt';
  await page.goto(appFolderUrl());
  await expectRowNames(page, DEMO_ROOT_ROWS);

  const input = page.getByRole('textbox', { name: 'Go to path' });
  await input.fill(key);
  await input.press('Enter');

  await expectLocation(page, 'nested/a/b/c/', key);
  await expectBreadcrumb(page, [DEMO_BUCKET, 'nested', 'a', 'b', 'c']);
  await expectRowNames(page, ['deep.txt']);
  await expect(gridRow(page, 'deep.txt')).toHaveAttribute('aria-selected', 'true');

  const panel = detailsPanel(page);
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('deep.txt');
  await expect(detailsField(panel, 'Key')).toHaveText(key);
  await expect(previewRegion(page)).toContainText('Four folders down.');
  // The form shows where it went.
  await expect(page.getByRole('textbox', { name: 'Go to path' })).toHaveValue(key);
});
