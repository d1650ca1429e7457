import type { Locator, Page } from '@playwright/test';

/** The details panel of the selected object: its properties, metadata, tags and preview. */
export class DetailsPanel {
  readonly page: Page;
  readonly root: Locator;
  /** The object's name. */
  readonly heading: Locator;
  readonly downloadLink: Locator;
  readonly preview: Locator;
  /** The preview of a text object: its text as shown. */
  readonly previewText: Locator;

  constructor(page: Page) {
    this.page = page;
    this.root = page.getByRole('complementary', { name: 'Object details' });
    this.heading = this.root.getByRole('heading', { level: 2 });
    this.downloadLink = this.root.getByRole('link', { name: 'Download' });
    this.preview = this.root.getByRole('region', { name: 'Preview' });
    this.previewText = this.preview.getByLabel('Preview text');
  }

  /** The value (<dd>) of one property, by its label (<dt>). */
  field(label: string): Locator {
    return this.root.locator(`xpath=.//dt[normalize-space(.)="${label}"]/following-sibling::dd[1]`);
  }

  table(name: 'User metadata' | 'Tags'): Locator {
    return this.root.getByRole('table', { name });
  }

  /** The value cell of one row of the "User metadata" or "Tags" table, by its name. */
  tableValue(table: 'User metadata' | 'Tags', name: string): Locator {
    return this.table(table)
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name, exact: true }) })
      .getByRole('cell')
      .nth(1);
  }

  /** The form that "Edit metadata" or "Edit tags" opens in the panel. */
  editForm(title: 'Edit metadata' | 'Edit tags'): Locator {
    return this.root.locator('form').filter({ hasText: title });
  }
}
