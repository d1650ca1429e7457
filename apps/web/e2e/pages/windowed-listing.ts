import { expect, type Locator, type Page } from '@playwright/test';
import { appBucketUrl } from '../support/urls';

/**
 * The windowed listing of a big folder (features/objects/windowed): its "Go to name" box, its
 * scroller (a scrollbar for the whole folder), its status and its range selection bar.
 */
export class WindowedListing {
  readonly page: Page;
  readonly goToName: Locator;
  /** The grid's scrolling row group (its last). */
  readonly scroller: Locator;
  /** "About 6,000 keys — positions are estimated", or "6,000 keys". */
  readonly status: Locator;
  readonly estimated: Locator;
  /** The shift-click range: "Selected all about N keys from A to B". */
  readonly rangeBar: Locator;

  constructor(page: Page) {
    this.page = page;
    this.goToName = page.getByRole('textbox', { name: 'Go to name', exact: true });
    this.scroller = page
      .getByRole('grid', { name: 'Objects' })
      .locator(':scope > [role="rowgroup"]')
      .last();
    this.status = page.getByTestId('listing').getByRole('status');
    this.estimated = page.getByRole('status').filter({ hasText: 'positions are estimated' });
    this.rangeBar = page.getByRole('toolbar', { name: 'Selection' });
  }

  /** Opens a big folder of `bucket` and waits for its windowed listing ("Go to name"). */
  async open(bucket: string, prefix: string): Promise<void> {
    await this.page.goto(appBucketUrl(bucket, prefix));
    await expect(this.goToName).toBeVisible();
  }

  /** The names of the rows inside the scroller's visible area, top first. */
  visibleNames(): Promise<string[]> {
    return this.scroller.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return [...el.querySelectorAll('[role="row"][data-index]')]
        .map((row) => ({ row, b: row.getBoundingClientRect() }))
        .filter(({ b }) => b.bottom > box.top + 1 && b.top < box.bottom - 1)
        .sort((x, y) => x.b.top - y.b.top)
        .map(({ row }) => row.getAttribute('aria-label') ?? '');
    });
  }

  /** Sets the scrollbar to `fraction` of its range (what a drag of its thumb does). */
  async scrollTo(fraction: number): Promise<void> {
    await this.scroller.evaluate((el, f) => {
      el.scrollTop = f * (el.scrollHeight - el.clientHeight);
    }, fraction);
  }

  async goTo(name: string): Promise<void> {
    await this.goToName.fill(name);
    await this.goToName.press('Enter');
  }
}
