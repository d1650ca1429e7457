import type { Locator, Page } from '@playwright/test';
import { DEMO_BUCKET } from '../support/demo';

/** The first screen once signed in (`/`): the table of buckets. */
export class BucketListPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly table: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { name: 'Buckets', level: 1 });
    this.table = page.getByRole('table', { name: 'Buckets' });
  }

  async goto() {
    return this.page.goto('/');
  }

  /** A bucket's link in the table, by its exact name (by default the demo bucket). */
  bucketLink(name = DEMO_BUCKET): Locator {
    return this.table.getByRole('link', { name, exact: true });
  }
}
