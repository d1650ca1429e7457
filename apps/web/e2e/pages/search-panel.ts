import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The search above a folder's listing: the box (typing filters the loaded rows; Enter searches
 * the whole folder), Glob / Match case, the Filters (sizes, dates), and the results that
 * replace the listing: their status line (the live count, Stop, how it ended), their grid.
 */
export class SearchPanel {
  readonly page: Page;
  readonly box: Locator;
  readonly glob: Locator;
  readonly matchCase: Locator;
  readonly filtersButton: Locator;
  readonly minSize: Locator;
  readonly maxSize: Locator;
  readonly modifiedAfter: Locator;
  readonly modifiedBefore: Locator;
  readonly searchAll: Locator;
  readonly clear: Locator;
  /** The results' status: "Searching … scanned N keys · M matches", "Done: …", "Stopped: …". */
  readonly status: Locator;
  readonly stop: Locator;
  readonly grid: Locator;
  readonly resultRows: Locator;

  constructor(page: Page) {
    this.page = page;
    const form = page.getByRole('search', { name: 'Search' });
    this.box = form.getByRole('searchbox', { name: 'Search this folder' });
    this.glob = form.getByRole('checkbox', { name: 'Glob' });
    this.matchCase = form.getByRole('checkbox', { name: 'Match case' });
    this.filtersButton = form.getByRole('button', { name: 'Filters' });
    this.minSize = form.getByRole('textbox', { name: 'Min size' });
    this.maxSize = form.getByRole('textbox', { name: 'Max size' });
    this.modifiedAfter = form.getByLabel('Modified on or after');
    this.modifiedBefore = form.getByLabel('Modified before');
    this.searchAll = form.getByRole('button', { name: 'Search all of this folder' });
    this.clear = form.getByRole('button', { name: 'Clear search' });
    const results = page.getByTestId('search-results');
    this.status = results.getByRole('status');
    this.stop = results.getByRole('button', { name: 'Stop', exact: true });
    this.grid = page.getByRole('grid', { name: 'Search results' });
    this.resultRows = this.grid.locator('[role="row"][data-index]');
  }

  /** Types into the box and presses Enter: a search of the whole open folder. */
  async search(text: string): Promise<void> {
    await this.box.fill(text);
    await this.box.press('Enter');
  }

  /** Opens the Filters (sizes and dates) unless they are open. */
  async openFilters(): Promise<void> {
    if ((await this.filtersButton.getAttribute('aria-expanded')) !== 'true') {
      await this.filtersButton.click();
    }
  }

  /** A result by its path from the searched folder. */
  result(path: string): Locator {
    return this.grid.getByRole('row', { name: path, exact: true });
  }

  /** Opens a result's folder with the object selected (the folder link beside its name). */
  async openFolderOf(path: string): Promise<void> {
    await this.result(path)
      .getByRole('link', { name: /^Open folder / })
      .click();
  }

  /** The results are exactly these paths, in this order (all rendered). */
  async expectResults(paths: string[]): Promise<void> {
    for (const [index, path] of paths.entries()) {
      await expect(
        this.grid.locator(`[role="row"][data-index="${String(index)}"]`),
      ).toHaveAccessibleName(path);
    }
    await expect(this.resultRows).toHaveCount(paths.length);
  }

  /** A column header's sort button ("Name", "Size", "Last modified") of this grid. */
  sortButton(grid: Locator, column: string): Locator {
    return grid.getByRole('columnheader').getByRole('button', { name: column });
  }
}
