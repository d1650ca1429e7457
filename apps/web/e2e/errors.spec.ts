import { expect } from '@playwright/test';
import { demoApiPath } from './support/api';
import { DEMO_ROOT_ROWS } from './support/demo';
import { test } from './support/fixtures';

test('an unreachable store shows the API message in the app-wide banner', async ({
  page,
  bucketList,
}) => {
  const message = 'The store at http://127.0.0.1:1 is unreachable (ECONNREFUSED)';
  let calls = 0;
  // The one mock: a running server cannot be made to lose its store on demand.
  await page.route('**/api/buckets', (route) => {
    calls += 1;
    return route.fulfill({
      status: 502,
      contentType: 'application/json',
      body: JSON.stringify({
        statusCode: 502,
        error: 'Bad Gateway',
        code: 'StoreUnavailable',
        message,
        requestId: 'e2e',
      }),
    });
  });

  await bucketList.goto();

  const banner = page.getByRole('alert').filter({ hasText: 'Storage unavailable.' });
  await expect(banner).toBeVisible();
  await expect(banner.getByText(message, { exact: true })).toBeVisible();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Could not load buckets.' }),
  ).toBeVisible();
  expect(calls).toBeGreaterThanOrEqual(1);

  // Once the store is back, Retry clears the banner and shows the buckets.
  await page.unroute('**/api/buckets');
  await banner.getByRole('button', { name: 'Retry' }).click();
  await expect(banner).toHaveCount(0);
  await expect(bucketList.bucketLink()).toBeVisible();
});

test('a deep link to a missing object says it does not exist', async ({
  page,
  folderPage,
  detailsPanel,
}) => {
  await folderPage.goto('', 'nope.txt');

  await expect(detailsPanel.heading).toHaveText('nope.txt');
  const alert = detailsPanel.root.getByRole('alert');
  await expect(alert).toContainText('Could not load this object.');
  await expect(alert).toContainText('The object does not exist');
  await expect(detailsPanel.downloadLink).toHaveCount(0);
  // The folder still lists, with nothing selected.
  await folderPage.expectRowNames(DEMO_ROOT_ROWS);
  await expect(folderPage.row('README.txt')).toHaveAttribute('aria-selected', 'false');
  // The store outage banner is for 502/503/504 only, not for a 404.
  await expect(page.getByRole('alert').filter({ hasText: 'Storage unavailable.' })).toHaveCount(0);
});

test('tags that could not be loaded say why, and Retry loads them', async ({
  page,
  folderPage,
  detailsPanel,
}) => {
  const message = 'The store did not answer in time.';
  let failures = 0;
  // A store that fails one read and answers the next cannot be had on demand either.
  const tagsRoute = (url: URL) => url.pathname === demoApiPath('object/tags');
  await page.route(tagsRoute, (route) => {
    failures += 1;
    return route.fulfill({
      status: 504,
      contentType: 'application/json',
      body: JSON.stringify({
        statusCode: 504,
        error: 'Gateway Timeout',
        code: 'StoreTimeout',
        message,
        requestId: 'e2e',
      }),
    });
  });
  await folderPage.goto();
  await folderPage.openRow('README.txt');

  const alert = detailsPanel.root
    .getByRole('alert')
    .filter({ hasText: 'Could not load the tags.' });
  await expect(alert).toContainText(message);
  await expect(detailsPanel.root.getByRole('button', { name: 'Edit tags' })).toBeDisabled();
  expect(failures).toBeGreaterThanOrEqual(1);

  await page.unroute(tagsRoute);
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(alert).toHaveCount(0);
  await expect(detailsPanel.root.getByText('No tags.')).toBeVisible();
  await expect(detailsPanel.root.getByRole('button', { name: 'Edit tags' })).toBeEnabled();
});
