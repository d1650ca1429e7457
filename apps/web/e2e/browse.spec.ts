import { expect } from '@playwright/test';
import { DEMO_BUCKET, DEMO_ROOT_ROWS } from './support/demo';
import { test } from './support/fixtures';

/** docs/unicode/ in store (UTF-8 byte) order. */
const UNICODE_NAMES = ['a+b & c=d #1 50%.txt', 'café émoji 🎉.txt', '日本語 ファイル.txt'];

test('the dashboard lists the demo bucket and opens it: folders first, then README.txt', async ({
  bucketList,
  folderPage,
}) => {
  await bucketList.goto();
  await expect(bucketList.heading).toBeVisible();
  const bucketLink = bucketList.bucketLink(DEMO_BUCKET);
  await expect(bucketLink).toBeVisible();

  await bucketLink.click();

  await folderPage.expectLocation('');
  await folderPage.expectBreadcrumb([DEMO_BUCKET]);
  await folderPage.expectRowNames(DEMO_ROOT_ROWS);
  await expect(folderPage.status).toHaveText('6 items');
  await expect(folderPage.grid).toHaveAttribute('aria-rowcount', String(DEMO_ROOT_ROWS.length + 1));
  // Folders are links to their folder, the object a link that selects it.
  await expect(folderPage.row('docs/').getByRole('link')).toHaveAttribute('href', /prefix=docs\/$/);
  await expect(folderPage.row('README.txt').getByRole('link')).toHaveAttribute(
    'href',
    /key=README\.txt$/,
  );
});

test('folders open by click, the breadcrumb leads back, back/forward restore the folder', async ({
  page,
  folderPage,
}) => {
  await folderPage.goto();
  await folderPage.expectRowNames(DEMO_ROOT_ROWS);

  await folderPage.openRow('docs/');
  await folderPage.expectLocation('docs/');
  await folderPage.expectBreadcrumb([DEMO_BUCKET, 'docs']);
  await folderPage.expectRowNames(['reports 2024/', 'unicode/']);

  await folderPage.openRow('unicode/');
  await folderPage.expectLocation('docs/unicode/');
  await folderPage.expectBreadcrumb([DEMO_BUCKET, 'docs', 'unicode']);
  await folderPage.expectRowNames(UNICODE_NAMES);
  // Rendered exactly as stored: no escaping, no normalisation, no mangled emoji.
  for (const name of UNICODE_NAMES) {
    await expect(folderPage.row(name).getByRole('link')).toHaveText(name);
  }

  await folderPage.breadcrumb.getByRole('link', { name: DEMO_BUCKET, exact: true }).click();
  await folderPage.expectLocation('');
  await folderPage.expectBreadcrumb([DEMO_BUCKET]);
  await folderPage.expectRowNames(DEMO_ROOT_ROWS);

  await page.goBack();
  await folderPage.expectLocation('docs/unicode/');
  await folderPage.expectBreadcrumb([DEMO_BUCKET, 'docs', 'unicode']);
  await folderPage.expectRowNames(UNICODE_NAMES);

  await page.goBack();
  await folderPage.expectLocation('docs/');
  await folderPage.expectRowNames(['reports 2024/', 'unicode/']);

  await page.goForward();
  await folderPage.expectLocation('docs/unicode/');
  await folderPage.expectRowNames(UNICODE_NAMES);

  await page.goForward();
  await folderPage.expectLocation('');
  await folderPage.expectBreadcrumb([DEMO_BUCKET]);
  await folderPage.expectRowNames(DEMO_ROOT_ROWS);
});

test('"Go to path" opens the folder of a deep key and selects it', async ({
  folderPage,
  detailsPanel,
}) => {
  const key = 'nested/a/b/c/deep.txt';
  await folderPage.goto();
  await folderPage.expectRowNames(DEMO_ROOT_ROWS);

  await folderPage.goToPath(key);

  await folderPage.expectLocation('nested/a/b/c/', key);
  await folderPage.expectBreadcrumb([DEMO_BUCKET, 'nested', 'a', 'b', 'c']);
  await folderPage.expectRowNames(['deep.txt']);
  await expect(folderPage.row('deep.txt')).toHaveAttribute('aria-selected', 'true');

  await expect(detailsPanel.heading).toHaveText('deep.txt');
  await expect(detailsPanel.field('Key')).toHaveText(key);
  await expect(detailsPanel.preview).toContainText('Four folders down.');
  // The form shows where it went.
  await expect(folderPage.pathInput).toHaveValue(key);
});
