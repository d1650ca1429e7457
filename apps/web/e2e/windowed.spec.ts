import { expect, request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { listKeysViaApi } from './support/api';
import { makeBucket, removeBucket, seedBucketFiles } from './support/buckets';
import { test } from './support/fixtures';
import { appURL, authStatePath } from './servers';

/** A folder bigger than the first listing's threshold (3,000 rows): the windowed listing. */
const COUNT = 6000;
/** A bucket of its own, seeded on disk (support/buckets.ts): uploading 6,000 keys takes minutes. */
const BUCKET = `e2e-windowed-${randomBytes(4).toString('hex')}`;
const FOLDER = 'big/';
/** `k-000000.txt` … `k-005999.txt`: a name's number is its rank in the folder. */
const name = (i: number) => `k-${String(i).padStart(6, '0')}.txt`;
const rankOf = (label: string) => Number(/^k-(\d{6})\.txt$/.exec(label)?.[1] ?? NaN);

let api: APIRequestContext;

test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1280, height: 900 } });

test.beforeAll(async () => {
  api = await playwrightRequest.newContext({ baseURL: appURL, storageState: authStatePath });
  await makeBucket(BUCKET);
  await seedBucketFiles(
    BUCKET,
    Array.from({ length: COUNT }, (_, i) => `${FOLDER}${name(i)}`),
  );
});

test.afterAll(async () => {
  await removeBucket(BUCKET);
  await api.dispose();
});

test('a big folder switches to the windowed listing, which says its positions are estimated', async ({
  folderPage,
  page,
  windowedListing: listing,
}) => {
  await listing.open(BUCKET, FOLDER);
  await expect(folderPage.row(name(0))).toBeVisible();
  await expect(
    listing.estimated.or(listing.status.filter({ hasText: /^6,000 keys/ })),
  ).toBeVisible();
  await expect(listing.status).toContainText('keys');
  await expect(listing.goToName).toBeVisible();
  // Still at the top, and few rows in the DOM.
  expect((await listing.visibleNames())[0]).toBe(name(0));
  expect(await page.locator('[role="row"]').count()).toBeLessThan(200);
});

test('dragging the scrollbar to 70 % shows the rows from about there', async ({
  page,
  windowedListing: listing,
}) => {
  await listing.open(BUCKET, FOLDER);
  // Once the background probes and the walk are done: every position exact, the count too.
  await expect(listing.status).not.toContainText('refining', { timeout: 30_000 });
  await expect(listing.status).toContainText(/^6,000 keys/);
  await listing.scrollTo(0.7);
  // The rows at 70 % of the folder (within a viewport's rows: the fraction is of the range the
  // top row can take).
  await expect
    .poll(async () => rankOf((await listing.visibleNames())[0] ?? ''), { timeout: 10_000 })
    .toBeGreaterThan(COUNT / 2);
  const top = rankOf((await listing.visibleNames())[0] ?? '');
  expect(Math.abs(top - 0.7 * COUNT)).toBeLessThan(60);
  // The wheel moves by rows from there, not by the scaled fraction.
  await listing.scroller.hover();
  await page.mouse.wheel(0, 320);
  await expect
    .poll(async () => rankOf((await listing.visibleNames())[0] ?? ''))
    .toBeGreaterThan(top);
  const after = rankOf((await listing.visibleNames())[0] ?? '');
  expect(after - top).toBeLessThan(40);
  expect(await page.locator('[role="row"]').count()).toBeLessThan(200);
});

test('"Go to name" shows the first key starting with the name, or says none does', async ({
  page,
  windowedListing: listing,
}) => {
  await listing.open(BUCKET, FOLDER);
  await listing.goTo('k-0042');
  await expect.poll(async () => (await listing.visibleNames())[0]).toBe(name(4200));
  await listing.goTo('zzz');
  await expect(page.getByText('No key starts with “zzz”.')).toBeVisible();
});

test('End goes to the folder’s last key; the details panel opens on a row', async ({
  folderPage,
  detailsPanel,
  page,
  windowedListing: listing,
}) => {
  await listing.open(BUCKET, FOLDER);
  await folderPage.row(name(0)).getByRole('link').focus();
  await page.keyboard.press('End');
  await expect(folderPage.row(name(COUNT - 1))).toBeInViewport({ timeout: 10_000 });
  // The last row is the last key: nothing below it.
  expect((await listing.visibleNames()).at(-1)).toBe(name(COUNT - 1));
  await folderPage
    .row(name(COUNT - 3))
    .getByRole('link')
    .click();
  await expect(detailsPanel.heading).toHaveText(name(COUNT - 3));
});

test('a failing listing shows a clear message with Retry, not a blank', async ({
  page,
  windowedListing: listing,
}) => {
  await listing.open(BUCKET, FOLDER);
  let fail = true;
  await page.route('**/api/buckets/*/objects?*startAfter=*', (route) =>
    fail
      ? route.fulfill({
          status: 503,
          contentType: 'application/json',
          body: '{"error":{"code":"ServiceUnavailable","message":"The storage service is unavailable."}}',
        })
      : route.continue(),
  );
  await listing.scrollTo(0.5);
  const retry = page.getByRole('button', { name: 'Retry' });
  await expect(page.getByText(/Could not list these rows/)).toBeVisible();
  fail = false;
  await retry.click();
  // Rows again, and the message gone.
  await expect.poll(async () => (await listing.visibleNames()).length).toBeGreaterThan(5);
  await expect(page.getByText(/Could not list these rows/)).toBeHidden();
});

test('a shift-click range is "all N keys from A to B" and deletes exactly those', async ({
  folderPage,
  page,
  windowedListing: listing,
}) => {
  await listing.open(BUCKET, FOLDER);
  await folderPage.row(name(1)).getByRole('checkbox').check();
  await listing.goTo('k-0030');
  await expect.poll(async () => (await listing.visibleNames())[0]).toBe(name(3000));
  await folderPage
    .row(name(3004))
    .getByRole('checkbox')
    .click({ modifiers: ['Shift'] });
  await expect(listing.rangeBar).toContainText(
    /Selected all (about )?[\d,]+ keys from k-000001\.txt to k-003004\.txt/,
  );
  await listing.rangeBar.getByRole('button', { name: 'Delete…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect
    .poll(async () => (await listKeysViaApi(api, FOLDER, BUCKET)).length, { timeout: 30_000 })
    .toBe(COUNT - 3004);
  const left = await listKeysViaApi(api, FOLDER, BUCKET);
  expect(left[0]).toBe(`${FOLDER}${name(0)}`);
  expect(left[1]).toBe(`${FOLDER}${name(3005)}`);
});
