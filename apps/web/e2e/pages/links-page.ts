import { expect, type Locator, type Page } from '@playwright/test';

/** `/b/NAME/links`: the links made through Stowage, Copy and Revoke per row, "Load more". */
export class LinksPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly table: Locator;
  readonly empty: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { name: 'Links', level: 1 });
    this.table = page.getByRole('table', { name: 'Links' });
    this.empty = page.getByText('No links', { exact: true });
  }

  async goto(bucket: string) {
    return this.page.goto(`/b/${encodeURIComponent(bucket)}/links`);
  }

  /** The row of a link, by the object or folder it is for. */
  row(key: string): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: key, exact: true }) });
  }

  /** Every row's "Revoke" (none for a read-only session). */
  get revokeButtons(): Locator {
    return this.page.getByRole('button', { name: /^Revoke the link to / });
  }

  /** Revokes the link to `key` through its confirmation. */
  async revoke(key: string): Promise<void> {
    await this.page.getByRole('button', { name: `Revoke the link to ${key}`, exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Revoke this link?' });
    await dialog.getByRole('button', { name: 'Revoke link' }).click();
    await expect(dialog).toHaveCount(0);
  }
}
