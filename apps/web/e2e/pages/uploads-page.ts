import type { Locator, Page } from '@playwright/test';

/** `/b/NAME/uploads`: the unfinished multipart uploads, Abort per row, "abort older". */
export class UploadsPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly table: Locator;
  readonly empty: Locator;
  readonly summary: Locator;
  readonly olderDays: Locator;
  readonly olderButton: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { name: 'Unfinished uploads', level: 1 });
    this.table = page.getByRole('table', { name: 'Unfinished uploads' });
    this.empty = page.getByText('No unfinished uploads');
    this.summary = page.getByRole('status');
    this.olderDays = page.getByLabel('Abort all older than (days)');
    this.olderButton = page.getByRole('button', { name: 'Abort older…' });
  }

  async goto(bucket: string) {
    return this.page.goto(`/b/${encodeURIComponent(bucket)}/uploads`);
  }

  /** The row of an upload, by its key. */
  row(key: string): Locator {
    return this.table.getByRole('row').filter({ hasText: key });
  }

  /** Every row's "Abort" (none for a read-only session). */
  get abortButtons(): Locator {
    return this.page.getByRole('button', { name: /^Abort the upload of / });
  }

  /** Aborts one upload through its confirmation. */
  async abort(key: string): Promise<void> {
    await this.page
      .getByRole('button', { name: `Abort the upload of ${key}`, exact: true })
      .click();
    const dialog = this.page.getByRole('dialog', { name: 'Abort this upload?' });
    await dialog.getByRole('button', { name: 'Abort upload' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }
}
