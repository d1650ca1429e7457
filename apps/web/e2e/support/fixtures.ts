/**
 * The specs' `test`: Playwright's, with a page object per screen of `page` as fixtures
 * (made only when a test asks for them), and `folderTest`, which adds a folder to write in.
 */
import { test as base } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { AppHeader } from '../pages/app-header';
import { BucketListPage } from '../pages/bucket-list-page';
import { BucketSettingsPage } from '../pages/bucket-settings-page';
import { DetailsPanel } from '../pages/details-panel';
import { FolderPage } from '../pages/folder-page';
import { LinksPage } from '../pages/links-page';
import { LoginPage } from '../pages/login-page';
import { PublicLinkPage } from '../pages/public-link-page';
import { SearchPanel } from '../pages/search-panel';
import { Toasts } from '../pages/toasts';
import { TransfersPanel } from '../pages/transfers-panel';
import { WindowedListing } from '../pages/windowed-listing';
import { deletePrefixViaApi, revokeAllLinksViaApi } from './api';
import { makeBucket, removeBucket } from './buckets';
import { SIGNED_OUT } from './session';

type Screens = {
  loginPage: LoginPage;
  appHeader: AppHeader;
  bucketList: BucketListPage;
  settingsPage: BucketSettingsPage;
  folderPage: FolderPage;
  detailsPanel: DetailsPanel;
  transfersPanel: TransfersPanel;
  searchPanel: SearchPanel;
  toasts: Toasts;
  windowedListing: WindowedListing;
};

export const test = base.extend<Screens>({
  loginPage: async ({ page }, use) => use(new LoginPage(page)),
  appHeader: async ({ page }, use) => use(new AppHeader(page)),
  bucketList: async ({ page }, use) => use(new BucketListPage(page)),
  settingsPage: async ({ page }, use) => use(new BucketSettingsPage(page)),
  folderPage: async ({ page }, use) => use(new FolderPage(page)),
  detailsPanel: async ({ page }, use) => use(new DetailsPanel(page)),
  transfersPanel: async ({ page }, use) => use(new TransfersPanel(page)),
  searchPanel: async ({ page }, use) => use(new SearchPanel(page)),
  toasts: async ({ page }, use) => use(new Toasts(page)),
  windowedListing: async ({ page }, use) => use(new WindowedListing(page)),
});

/**
 * The write path: `test` with `folder`, a fresh "e2e-<spec>-<random>/" at the root of the demo
 * bucket for the test to write in (nothing creates it: the first upload into it does), deleted
 * with all its content after the test, pass or fail, so the seeded demo content the other
 * specs read stays as it was.
 */
export const folderTest = test.extend<{ folder: string; otherBucket: string }>({
  folder: async ({ request }, use, testInfo) => {
    const folder = `e2e-${specName(testInfo.file)}-${randomBytes(4).toString('hex')}/`;
    await use(folder);
    await deletePrefixViaApi(request, folder);
  },
  /** A fresh empty bucket beside demo (support/buckets.ts), thrown away after the test. */
  // Playwright reads a fixture's dependencies from its first parameter: none here.
  // eslint-disable-next-line no-empty-pattern
  otherBucket: async ({}, use, testInfo) => {
    const bucket = `e2e-${specName(testInfo.file)}-${randomBytes(4).toString('hex')}`;
    await makeBucket(bucket);
    await use(bucket);
    await removeBucket(bucket);
  },
});

/**
 * The share links: `folderTest` with `stranger`, the public link page in a browser of its own
 * with no session and no cookie (`browser.newContext()`, closed after the test), and
 * `linksPage`. Every link of the demo bucket is revoked after the test, so no link record
 * stays in the store.
 */
export const shareTest = folderTest.extend<{
  stranger: PublicLinkPage;
  linksPage: LinksPage;
  revokeLinksAfter: undefined;
}>({
  stranger: async ({ browser }, use) => {
    // Explicitly signed out: the test's newContext() takes the project's options, its saved
    // sign-in included, unless told otherwise.
    const context = await browser.newContext({ storageState: SIGNED_OUT, acceptDownloads: true });
    await use(new PublicLinkPage(await context.newPage()));
    await context.close();
  },
  linksPage: async ({ page }, use) => use(new LinksPage(page)),
  revokeLinksAfter: [
    async ({ request }, use) => {
      await use(undefined);
      await revokeAllLinksViaApi(request);
    },
    { auto: true },
  ],
});

function specName(file: string): string {
  return path.basename(file).replace(/\.spec\.ts$/, '');
}
