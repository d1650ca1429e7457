import type { Locator, Page } from '@playwright/test';

/** The floating "Background work" panel: one item per folder delete, its count, Cancel, Close. */
export class WorkPanel {
  readonly root: Locator;

  constructor(page: Page) {
    this.root = page.getByRole('region', { name: 'Background work' });
  }

  /** One delete, by what it deletes ("Deleting photos/", "Deleting 2 files and 1 folder"). */
  item(what: string): Locator {
    return this.root.getByRole('listitem', { name: `Deleting ${what}`, exact: true });
  }

  /** Its live count ("1,000 of 2,500"), then its outcome ("Deleted 2,500 objects"). */
  status(what: string): Locator {
    return this.item(what).getByRole('status');
  }

  /** The keys the store refused, with its reasons. */
  failures(what: string): Locator {
    return this.item(what).getByRole('alert');
  }

  async cancel(what: string): Promise<void> {
    await this.item(what).getByRole('button', { name: 'Cancel' }).click();
  }

  /** "Close": clears the finished deletes (the panel goes once none is left). */
  async close(): Promise<void> {
    await this.root.getByRole('button', { name: 'Close' }).click();
  }
}
