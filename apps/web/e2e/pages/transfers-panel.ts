import { expect, type Locator, type Page } from '@playwright/test';

/** The floating upload panel: one item per file, a summary line, "Cancel all" and "Close". */
export class TransfersPanel {
  readonly root: Locator;
  readonly items: Locator;
  /** The summary line ("Uploading: 1 of 3 done · …", "3 uploaded, 1 cancelled"). */
  readonly summary: Locator;

  constructor(page: Page) {
    this.root = page.getByRole('region', { name: 'Transfers' });
    this.items = this.root.getByRole('listitem');
    this.summary = this.root.getByRole('status');
  }

  /** One file of the panel, by its key (its accessible name). */
  item(key: string): Locator {
    return this.root.getByRole('listitem', { name: key, exact: true });
  }

  /** "Hide": the panel keeps only its title and summary line. */
  async collapse(): Promise<void> {
    await this.root.getByRole('button', { name: 'Hide', exact: true }).click();
    await expect(this.root.getByRole('button', { name: 'Show', exact: true })).toBeVisible();
  }

  /** Waits until an upload finished well: "Uploaded" and its progress bar at 100 %. */
  async expectUploaded(key: string): Promise<void> {
    const item = this.item(key);
    await expect(item.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
    await expect(item).toContainText('Uploaded');
    await expect(item).toHaveAttribute('data-status', 'done');
  }

  /** "Close" once nothing is left to do: the panel floats over the page's corner. */
  async close(): Promise<void> {
    await this.root.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(this.root).toHaveCount(0);
  }
}
