import { expect, type FileChooser, type Locator, type Page } from '@playwright/test';
import { FAST_POLL } from '../support/poll';
import { APP_BUCKET_PATH, appBucketUrl, appFolderUrl } from '../support/urls';

/**
 * A folder of the demo bucket (`/b/demo?prefix=…&key=…`): the breadcrumb, the toolbar
 * ("Go to path", the upload and "New text object" buttons), the object grid and its status,
 * the selection toolbar, and the drop zone around them.
 */
export class FolderPage {
  readonly page: Page;
  readonly breadcrumb: Locator;
  readonly pathInput: Locator;
  readonly grid: Locator;
  /** Listing rows for entries (not the header, not the "Loading more…" row). */
  readonly entryRows: Locator;
  /** The listing's status line ("2,600 items", "1,000 loaded, more…"). */
  readonly status: Locator;
  readonly emptyMessage: Locator;
  /** What appears once objects are checked: "N selected" and its "Delete". */
  readonly selection: Locator;
  /** What "Upload folder", "Upload files" and a drop act on: the open folder's object browser. */
  readonly dropZone: Locator;
  /** The bucket's versioning in the toolbar ("Versioning: on"), with Enable / Suspend. */
  readonly versioningStatus: Locator;
  readonly enableVersioning: Locator;
  readonly suspendVersioning: Locator;
  /** "Show deleted" (only where the bucket keeps versions). */
  readonly showDeleted: Locator;
  /** The toolbar's "Checking N files…" while an upload looks for names that are taken. */
  readonly checkingStatus: Locator;
  /** The grid's scrolling part (its rows; the header row stays above it). */
  readonly gridBody: Locator;
  /** The grid's header (its rowgroup: "Select all loaded" and the column headers). */
  readonly gridHead: Locator;
  /** An empty folder's own upload button ("Choose files to upload"; none if read-only). */
  readonly emptyUpload: Locator;

  constructor(page: Page) {
    this.page = page;
    this.breadcrumb = page.getByRole('navigation', { name: 'Breadcrumb' });
    this.pathInput = page.getByRole('textbox', { name: 'Go to path' });
    this.grid = page.getByRole('grid', { name: 'Objects' });
    this.entryRows = this.grid.locator('[role="row"][data-index]');
    this.status = page.getByTestId('listing').getByRole('status');
    this.emptyMessage = page.getByText('This folder is empty');
    this.selection = page.getByRole('toolbar', { name: 'Selection' });
    this.dropZone = page.getByTestId('drop-zone');
    this.versioningStatus = page.getByText(/^Versioning: /);
    this.enableVersioning = page.getByRole('button', { name: 'Enable versioning' });
    this.suspendVersioning = page.getByRole('button', { name: 'Suspend versioning' });
    this.showDeleted = page.getByRole('checkbox', { name: 'Show deleted' });
    this.checkingStatus = page.getByRole('status').filter({ hasText: /^Checking \d/ });
    this.gridHead = this.grid.getByRole('rowgroup').first();
    this.gridBody = this.grid.getByRole('rowgroup').nth(1);
    this.emptyUpload = page
      .getByTestId('listing')
      .getByRole('button', { name: 'Choose files to upload' });
  }

  /** A column header's sort button ("Name", "Size", "Last modified"): a click sorts by it. */
  sortButton(column: 'Name' | 'Size' | 'Last modified'): Locator {
    return this.grid
      .getByRole('columnheader', { name: column })
      .getByRole('button', { name: column });
  }

  /** Opens a folder of another bucket (the Ceph specs' own), optionally with an object selected. */
  async gotoBucket(bucket: string, prefix = '', key?: string) {
    return this.page.goto(appBucketUrl(bucket, prefix, key));
  }

  /** The "Deleted" label of a row listed by Show deleted. */
  deletedLabel(name: string): Locator {
    return this.row(name).getByText('Deleted', { exact: true });
  }

  /** Opens a folder, optionally with an object selected. */
  async goto(prefix = '', key?: string) {
    return this.page.goto(appFolderUrl(prefix, key));
  }

  /** One listing row by its accessible name: the visible name, folders ending in "/". */
  row(name: string): Locator {
    return this.grid.getByRole('row', { name, exact: true });
  }

  /** Opens a folder or selects an object by clicking the name link of its row. */
  async openRow(name: string): Promise<void> {
    await this.row(name).getByRole('link').click();
  }

  /** An object's checkbox ("Select <name>"). */
  checkbox(name: string): Locator {
    return this.page.getByRole('checkbox', { name: `Select ${name}` });
  }

  /** Opens a row's "More actions for <name>" menu and returns it (its items are menuitems). */
  async openRowMenu(name: string): Promise<Locator> {
    const label = `More actions for ${name}`;
    await this.row(name).getByRole('button', { name: label }).click();
    const menu = this.page.getByRole('menu', { name: label });
    await expect(menu).toBeVisible();
    return menu;
  }

  /** Picks an item ("Rename", "Copy to…", "Download as zip"…) of a row's menu. */
  async rowAction(name: string, action: string): Promise<void> {
    const menu = await this.openRowMenu(name);
    await menu.getByRole('menuitem', { name: action, exact: true }).click();
  }

  /** A button of the selection toolbar ("Copy to…", "Download as zip", "Delete"…). */
  selectionAction(action: string): Locator {
    return this.selection.getByRole('button', { name: action, exact: true });
  }

  /** "Go to path": types a key or prefix and submits it. */
  async goToPath(path: string): Promise<void> {
    await this.pathInput.fill(path);
    await this.pathInput.press('Enter');
  }

  /** Picks files (paths, or in-memory payloads) in the dialog that one of the upload buttons opens. */
  async pickFiles(
    button: 'Upload files' | 'Upload folder',
    files: Parameters<FileChooser['setFiles']>[0],
  ): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: button, exact: true }).click();
    await (await chooser).setFiles(files);
  }

  /** The listing shows exactly these entries, in this order (all of them rendered). */
  async expectRowNames(names: string[]): Promise<void> {
    for (const [index, name] of names.entries()) {
      await expect(
        this.grid.locator(`[role="row"][data-index="${String(index)}"]`),
      ).toHaveAccessibleName(name);
    }
    await expect(this.entryRows).toHaveCount(names.length);
  }

  /** The breadcrumb steps as text, e.g. ["demo", "docs", "unicode"] for demo › docs › unicode. */
  async expectBreadcrumb(steps: string[]): Promise<void> {
    await expect(this.breadcrumb.getByRole('listitem')).toHaveText(steps);
    // The last step is the open folder.
    await expect(this.breadcrumb.getByRole('link').last()).toHaveAttribute('aria-current', 'page');
  }

  /** The URL names this folder (?prefix=) and this selected object (?key=, or none). */
  async expectLocation(prefix: string, key: string | null = null): Promise<void> {
    await expect
      .poll(() => this.location(), FAST_POLL)
      .toEqual({ path: APP_BUCKET_PATH, prefix, key });
  }

  /** The decoded path, ?prefix= and ?key= of the current URL ("" and null when absent). */
  private location(): { path: string; prefix: string; key: string | null } {
    const url = new URL(this.page.url());
    return {
      path: decodeURIComponent(url.pathname),
      prefix: url.searchParams.get('prefix') ?? '',
      key: url.searchParams.get('key'),
    };
  }
}
