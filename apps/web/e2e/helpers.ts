/**
 * The screens' locators, until they become page objects. Everything else moved to support/
 * (demo facts, session states, API, app URLs, files, polls, fixtures) and the scroll harness
 * beside virtual-scroll.spec.ts.
 */
import { expect, type FileChooser, type Locator, type Page } from '@playwright/test';
import { STORE_KEYS } from './support/demo';
import { FAST_POLL } from './support/poll';
import { APP_BUCKET_PATH } from './support/urls';

export function loginForm(page: Page): Locator {
  return page.getByRole('form', { name: 'Sign in' });
}

/** Types the keys into the login form and submits it. */
export async function signInThroughForm(page: Page, keys = STORE_KEYS): Promise<void> {
  const form = loginForm(page);
  await form.getByLabel('Access key').fill(keys.accessKeyId);
  await form.getByLabel('Secret key').fill(keys.secretAccessKey);
  await form.getByRole('button', { name: 'Sign in' }).click();
}

export function objectGrid(page: Page): Locator {
  return page.getByRole('grid', { name: 'Objects' });
}

/** Listing rows for entries (not the header, not the "Loading more…" row). */
export function entryRows(page: Page): Locator {
  return objectGrid(page).locator('[role="row"][data-index]');
}

/** One listing row by its accessible name: the visible name, folders ending in "/". */
export function gridRow(page: Page, name: string): Locator {
  return objectGrid(page).getByRole('row', { name, exact: true });
}

/** Opens a folder or selects an object by clicking the name link of its row. */
export async function openRow(page: Page, name: string): Promise<void> {
  await gridRow(page, name).getByRole('link').click();
}

/** The listing shows exactly these entries, in this order (all of them rendered). */
export async function expectRowNames(page: Page, names: string[]): Promise<void> {
  for (const [index, name] of names.entries()) {
    await expect(
      objectGrid(page).locator(`[role="row"][data-index="${String(index)}"]`),
    ).toHaveAccessibleName(name);
  }
  await expect(entryRows(page)).toHaveCount(names.length);
}

export function breadcrumb(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Breadcrumb' });
}

/** The breadcrumb steps as text, e.g. ["demo", "docs", "unicode"] for demo › docs › unicode. */
export async function expectBreadcrumb(page: Page, steps: string[]): Promise<void> {
  await expect(breadcrumb(page).getByRole('listitem')).toHaveText(steps);
  // The last step is the open folder.
  await expect(breadcrumb(page).getByRole('link').last()).toHaveAttribute('aria-current', 'page');
}

/** The listing's status line ("2,600 items", "1,000 loaded, more…"). */
export function listingStatus(page: Page): Locator {
  return page.getByTestId('listing').getByRole('status');
}

export function detailsPanel(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Object details' });
}

/** The value (<dd>) of one property of the details panel, by its label (<dt>). */
export function detailsField(panel: Locator, label: string): Locator {
  return panel.locator(`xpath=.//dt[normalize-space(.)="${label}"]/following-sibling::dd[1]`);
}

export function previewRegion(page: Page): Locator {
  return detailsPanel(page).getByRole('region', { name: 'Preview' });
}

/** The decoded ?prefix= and ?key= of the current URL ("" and null when absent). */
export function currentLocation(page: Page): { path: string; prefix: string; key: string | null } {
  const url = new URL(page.url());
  return {
    path: decodeURIComponent(url.pathname),
    prefix: url.searchParams.get('prefix') ?? '',
    key: url.searchParams.get('key'),
  };
}

export async function expectLocation(page: Page, prefix: string, key: string | null = null) {
  await expect
    .poll(() => currentLocation(page), FAST_POLL)
    .toEqual({ path: APP_BUCKET_PATH, prefix, key });
}

/** What "Upload folder", "Upload files" and a drop act on: the open folder's object browser. */
export function dropZone(page: Page): Locator {
  return page.getByTestId('drop-zone');
}

/** The floating upload panel. */
export function transfersPanel(page: Page): Locator {
  return page.getByRole('region', { name: 'Transfers' });
}

/** One file of the upload panel, by its key (its accessible name). */
export function transferItem(page: Page, key: string): Locator {
  return transfersPanel(page).getByRole('listitem', { name: key, exact: true });
}

/** The panel's summary line ("Uploading: 1 of 3 done · …", "3 uploaded, 1 cancelled"). */
export function transfersSummary(page: Page): Locator {
  return transfersPanel(page).getByRole('status');
}

/** Waits until an upload finished well: "Uploaded" and its progress bar at 100 %. */
export async function expectUploaded(page: Page, key: string): Promise<void> {
  const item = transferItem(page, key);
  await expect(item.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
  await expect(item).toContainText('Uploaded');
  await expect(item).toHaveAttribute('data-status', 'done');
}

/** Picks files (paths, or in-memory payloads) in the dialog that one of the upload buttons opens. */
export async function pickFiles(
  page: Page,
  button: 'Upload files' | 'Upload folder',
  files: Parameters<FileChooser['setFiles']>[0],
): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button, exact: true }).click();
  await (await chooser).setFiles(files);
}

/** "Close" on the upload panel once nothing is left to do: it floats over the page's corner. */
export async function closeTransfersPanel(page: Page): Promise<void> {
  await transfersPanel(page).getByRole('button', { name: 'Close', exact: true }).click();
  await expect(transfersPanel(page)).toHaveCount(0);
}
