import type { Locator, Page } from '@playwright/test';
import { DEMO_BUCKET } from '../support/demo';

/** The first screen once signed in (`/`): the table of buckets, "Create bucket", "Delete". */
export class BucketListPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly table: Locator;
  readonly createButton: Locator;
  /** Every bucket's "Delete" (none for a read-only session). */
  readonly deleteButtons: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { name: 'Buckets', level: 1 });
    this.table = page.getByRole('table', { name: 'Buckets' });
    this.createButton = page.getByRole('button', { name: 'Create bucket' });
    this.deleteButtons = this.table.getByRole('button', { name: /^Delete bucket / });
  }

  /** A bucket's "Delete" button. */
  deleteButton(name: string): Locator {
    return this.table.getByRole('button', { name: `Delete bucket ${name}`, exact: true });
  }

  async goto() {
    return this.page.goto('/');
  }

  /** A bucket's link in the table, by its exact name (by default the demo bucket). */
  bucketLink(name = DEMO_BUCKET): Locator {
    return this.table.getByRole('link', { name, exact: true });
  }
}
