import {
  expect,
  test as base,
  type APIRequestContext,
  type FileChooser,
  type Locator,
  type Page,
} from '@playwright/test';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@stowage/shared';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The bucket the API seeds on a fresh data directory (apps/api/src/embedded/seed-demo.ts). */
export const DEMO_BUCKET = 'demo';

// ---------------------------------------------------------------------------------------------
// Sessions: the setup project (auth.setup.ts) signs in once; specs that test signing in start
// signed out with `test.use({ storageState: SIGNED_OUT })`.

/** The embedded store's keys (printed by the server at startup). */
export const STORE_KEYS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/** A browser state with no session cookie. */
export const SIGNED_OUT = { cookies: [], origins: [] };

/** What the app's own writes carry, and what API calls of the specs must carry too. */
export const CSRF_HEADERS = { [CSRF_HEADER]: CSRF_HEADER_VALUE };

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

/** For expect.poll: its default backoff (100 ms, 250 ms, 500 ms, 1 s…) is slow for UI that settles in a frame. */
export const FAST_POLL = { intervals: [16, 32, 64, 100] };

/** Every folder of the demo bucket's root, then its one object, in store order. */
export const DEMO_ROOT_ROWS = ['data/', 'docs/', 'images/', 'many/', 'nested/', 'README.txt'];

/** many/ holds item-00001.txt … item-02600.txt: three API pages of at most 1,000. */
export const MANY_COUNT = 2600;

export function manyItemName(n: number): string {
  return `item-${String(n).padStart(5, '0')}.txt`;
}

/** Encodes every value fully, so keys with "+", "&", "#" or "%" reach the app intact. */
function query(params: Record<string, string | undefined>): string {
  const pairs = Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`);
  return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}

/** The SPA route of a folder of the demo bucket, optionally with a selected object. */
export function bucketPath(prefix = '', key?: string): string {
  return `/b/${DEMO_BUCKET}${query({ prefix, key })}`;
}

/** The API URL of an object's bytes (what "Download" and the previews fetch). */
export function objectContentApiPath(key: string): string {
  return `/api/buckets/${DEMO_BUCKET}/object/content${query({ key })}`;
}

export function objectGrid(page: Page): Locator {
  return page.getByRole('grid', { name: 'Objects' });
}

/** The grid's scrolling row group (the second one; the first holds the column headers). */
export function gridScroller(page: Page): Locator {
  // A CSS child step: resolving getByRole('rowgroup') costs more on every scroll step.
  return objectGrid(page).locator(':scope > [role="rowgroup"]').last();
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
    .toEqual({ path: `/b/${DEMO_BUCKET}`, prefix, key });
}

/** What the grid shows at one scroll position. */
export type GridSnapshot = {
  /** Entry rows at least partly inside the scroller's visible area. */
  visible: { index: number; name: string }[];
  /** role="row" elements in the whole document (header and "Loading more…" included). */
  domRows: number;
  /** The rendered rows span the visible area: the virtualizer has caught up with the scroll. */
  rendered: boolean;
  atBottom: boolean;
  /** The "Loading more…" row is rendered (more pages remain). */
  loadingRow: boolean;
  scrollTop: number;
  scrollHeight: number;
};

/**
 * Runs in the page, on the grid's scroller (self-contained: Playwright serializes it).
 * Optionally scrolls down by one viewport first, then waits for the next frame, by which the
 * scroll event has run and the virtualizer has re-rendered, and reads what is on screen.
 */
async function gridStep(scroller: Element, scrollDown: boolean): Promise<GridSnapshot> {
  if (scrollDown) scroller.scrollTop += scroller.clientHeight;
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const box = scroller.getBoundingClientRect();
  const top = box.top + scroller.clientTop;
  const bottom = top + scroller.clientHeight;
  const inner = scroller.firstElementChild?.getBoundingClientRect();
  const rows = Array.from(scroller.querySelectorAll('[role="row"]'));
  const rects = rows.map((row) => row.getBoundingClientRect());
  const visible: { index: number; name: string }[] = [];
  rows.forEach((row, i) => {
    const rect = rects[i];
    const index = row.getAttribute('data-index');
    if (!rect || index === null) return;
    if (rect.bottom > top + 0.5 && rect.top < bottom - 0.5) {
      visible.push({ index: Number(index), name: row.getAttribute('aria-label') ?? '' });
    }
  });
  visible.sort((a, b) => a.index - b.index);
  const rowsTop = Math.min(...rects.map((r) => r.top));
  const rowsBottom = Math.max(...rects.map((r) => r.bottom));
  const contentBottom = Math.min(bottom, inner ? inner.bottom : bottom);
  return {
    visible,
    domRows: document.querySelectorAll('[role="row"]').length,
    rendered: rows.length > 0 && rowsTop <= top + 1 && rowsBottom >= contentBottom - 1,
    atBottom: scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1,
    loadingRow: scroller.querySelector('[role="row"]:not([data-index])') !== null,
    scrollTop: scroller.scrollTop,
    scrollHeight: scroller.scrollHeight,
  };
}

/**
 * Scrolls one viewport down (or not), then returns what the grid shows once the virtualizer
 * has rendered the rows of that scroll position (polling, should a frame not be enough).
 */
export async function stepAndSnapshot(scroller: Locator, scrollDown: boolean) {
  let snapshot = await scroller.evaluate(gridStep, scrollDown);
  if (snapshot.rendered) return snapshot;
  await expect
    .poll(
      async () => {
        snapshot = await scroller.evaluate(gridStep, false);
        return snapshot.rendered;
      },
      { ...FAST_POLL, message: 'the virtualized rows never caught up with the scroll position' },
    )
    .toBe(true);
  return snapshot;
}

export type ScrollResult = {
  /** data-index -> the name shown at that position. */
  byPosition: Map<number, string>;
  /** Names seen at more than one position. */
  duplicates: Map<string, number[]>;
  /** Positions that showed different names at different steps. */
  conflicts: { index: number; names: string[] }[];
  /** Positions whose visible rows were not one contiguous run of indexes. */
  gaps: number[];
  maxDomRows: number;
  steps: number;
};

/**
 * Scrolls the grid from the top one viewport at a time, recording the visible rows at each
 * step, until it is at the bottom with no page left to load. Waits (without sleeping) for
 * the next page whenever it reaches the end of what is loaded.
 */
export async function scrollToEnd(page: Page, maxSteps = 1000): Promise<ScrollResult> {
  const scroller = gridScroller(page);
  await scroller.evaluate((el) => {
    el.scrollTop = 0;
  });
  const byPosition = new Map<number, string>();
  const positionsOf = new Map<string, Set<number>>();
  const conflicts: { index: number; names: string[] }[] = [];
  const gaps: number[] = [];
  let maxDomRows = 0;

  let scrollDown = false;
  for (let step = 1; step <= maxSteps; step++) {
    const snap = await stepAndSnapshot(scroller, scrollDown);
    scrollDown = true;
    maxDomRows = Math.max(maxDomRows, snap.domRows);
    snap.visible.forEach(({ index, name }, i) => {
      const previous = snap.visible[i - 1];
      if (previous && index !== previous.index + 1) gaps.push(index);
      const known = byPosition.get(index);
      if (known === undefined) byPosition.set(index, name);
      else if (known !== name) conflicts.push({ index, names: [known, name] });
      const positions = positionsOf.get(name) ?? new Set<number>();
      positions.add(index);
      positionsOf.set(name, positions);
    });

    if (snap.atBottom) {
      if (!snap.loadingRow) {
        const duplicates = new Map<string, number[]>();
        for (const [name, positions] of positionsOf) {
          if (positions.size > 1) duplicates.set(name, [...positions]);
        }
        return { byPosition, duplicates, conflicts, gaps, maxDomRows, steps: step };
      }
      // At the end of what is loaded: wait for the next page to make the content taller.
      await expect
        .poll(() => scroller.evaluate((el) => el.scrollHeight), {
          ...FAST_POLL,
          message: 'the next page never arrived',
          timeout: 20_000,
        })
        .toBeGreaterThan(snap.scrollHeight);
      // Look again before scrolling on: the new rows start where "Loading more…" was shown.
      scrollDown = false;
    }
  }
  throw new Error(`The grid did not reach its end in ${String(maxSteps)} steps`);
}

// ---------------------------------------------------------------------------------------------
// The write path: every write test works in a fresh folder of its own, removed afterwards, so
// the seeded demo content the other specs read stays as it was.

/** The API URL of an object's details (system headers, user metadata). */
export function objectApiPath(key: string): string {
  return `/api/buckets/${DEMO_BUCKET}/object${query({ key })}`;
}

/** The API URL of an object's tags. */
export function objectTagsApiPath(key: string): string {
  return `/api/buckets/${DEMO_BUCKET}/object/tags${query({ key })}`;
}

/** Every key under a prefix, through the API (no delimiter: subfolders included), in order. */
export async function listKeysViaApi(request: APIRequestContext, prefix: string) {
  const keys: string[] = [];
  let cursor: string | undefined;
  do {
    // delimiter= (empty) lists recursively; query() would drop an empty value.
    const url = `/api/buckets/${DEMO_BUCKET}/objects${query({ prefix, cursor })}&delimiter=`;
    const res = await request.get(url);
    expect(res.status(), `GET ${url}`).toBe(200);
    const page = (await res.json()) as { objects: { key: string }[]; nextCursor: string | null };
    keys.push(...page.objects.map((o) => o.key));
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return keys;
}

/** One folder's first page through the API, as the grid gets it: its folders and object keys. */
export async function listFolderViaApi(request: APIRequestContext, prefix: string) {
  const res = await request.get(`/api/buckets/${DEMO_BUCKET}/objects${query({ prefix })}`);
  expect(res.status(), `GET the listing of "${prefix}"`).toBe(200);
  const page = (await res.json()) as { prefixes: string[]; objects: { key: string }[] };
  return { prefixes: page.prefixes, keys: page.objects.map((o) => o.key) };
}

/** Deletes everything under a prefix through the API (what "Delete folder" does). */
export async function deletePrefixViaApi(request: APIRequestContext, prefix: string) {
  if (!prefix.endsWith('/') || prefix === '/') throw new Error(`Not a folder: "${prefix}"`);
  const res = await request.post(`/api/buckets/${DEMO_BUCKET}/delete`, {
    data: { prefix },
    headers: CSRF_HEADERS,
  });
  expect(res.status(), `delete ${prefix}`).toBe(200);
}

/** Writes one object through the API's upload route, as the app does (fields before the file). */
export async function putObjectViaApi(
  request: APIRequestContext,
  key: string,
  body: string,
  options: { contentType?: string; metadata?: Record<string, string> } = {},
) {
  const contentType = options.contentType ?? 'text/plain; charset=utf-8';
  const multipart: Record<string, string | { name: string; mimeType: string; buffer: Buffer }> = {
    contentType,
  };
  if (options.metadata) multipart.metadata = JSON.stringify(options.metadata);
  const buffer = Buffer.from(body);
  multipart.size = String(buffer.length);
  multipart.file = { name: 'file', mimeType: contentType, buffer };
  const res = await request.post(`/api/buckets/${DEMO_BUCKET}/upload${query({ key })}`, {
    multipart,
    headers: CSRF_HEADERS,
  });
  expect(res.status(), `upload ${key}`).toBe(200);
}

/**
 * `test` with `folder`: a fresh "e2e-<spec>-<random>/" at the root of the demo bucket for the
 * test to write in (nothing creates it: the first upload into it does), deleted with all its
 * content after the test, pass or fail.
 */
export const folderTest = base.extend<{ folder: string }>({
  folder: async ({ request }, use, testInfo) => {
    const spec = path.basename(testInfo.file).replace(/\.spec\.ts$/, '');
    const folder = `e2e-${spec}-${randomBytes(4).toString('hex')}/`;
    await use(folder);
    await deletePrefixViaApi(request, folder);
  },
});

/**
 * Writes files under a new directory of the test's output folder (test-results/, emptied by
 * every run): `{ 'a.txt': 'x', 'sub/b.bin': Buffer }`. Returns the directory's path.
 */
export async function makeTempTree(files: Record<string, string | Buffer>): Promise<string> {
  const parent = base.info().outputPath();
  await mkdir(parent, { recursive: true });
  const root = await mkdtemp(path.join(parent, 'files-'));
  for (const [relative, body] of Object.entries(files)) {
    const file = path.join(root, ...relative.split('/'));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, body);
  }
  return root;
}

/** What "Upload folder", "Upload files" and a drop act on: the open folder's object browser. */
export function dropZone(page: Page): Locator {
  return page.getByTestId('drop-zone');
}

/**
 * Drags files and folders of the local disk onto a target and drops them, as from a file
 * manager: Chromium's own drag-and-drop (CDP Input.dispatchDragEvent), so the page gets
 * trusted dragenter/dragover/drop events whose DataTransfer holds real entries — folders
 * included, which a DataTransfer built in the page cannot carry. `beforeDrop` runs while the
 * files hover over the target.
 */
export async function dragAndDropPaths(
  page: Page,
  target: Locator,
  paths: string[],
  beforeDrop?: () => Promise<void>,
): Promise<void> {
  const box = await target.boundingBox();
  if (!box) throw new Error('The drop target is not visible');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  // dragOperationsMask 1: copy, what a file manager offers.
  const data = { items: [], files: paths, dragOperationsMask: 1 };
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Input.dispatchDragEvent', { type: 'dragEnter', x, y, data });
    await cdp.send('Input.dispatchDragEvent', { type: 'dragOver', x, y, data });
    await beforeDrop?.();
    await cdp.send('Input.dispatchDragEvent', { type: 'drop', x, y, data });
  } finally {
    await cdp.detach();
  }
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

/**
 * For an observation window: `probe` (is the unwanted thing there?) stays false for `ms`,
 * checked every 250 ms. Fails as soon as it is seen once.
 */
export async function expectNeverFor(
  ms: number,
  probe: () => Promise<boolean>,
  message: string,
): Promise<void> {
  const until = Date.now() + ms;
  let seen = false;
  await expect
    .poll(
      async () => {
        seen ||= await probe();
        if (seen) return 'seen';
        return Date.now() >= until ? 'never seen' : 'watching';
      },
      { message, timeout: ms + 5_000, intervals: [250] },
    )
    .toBe('never seen');
}

/** "Close" on the upload panel once nothing is left to do: it floats over the page's corner. */
export async function closeTransfersPanel(page: Page): Promise<void> {
  await transfersPanel(page).getByRole('button', { name: 'Close', exact: true }).click();
  await expect(transfersPanel(page)).toHaveCount(0);
}
