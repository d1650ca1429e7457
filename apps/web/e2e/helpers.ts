import { expect, type Locator, type Page } from '@playwright/test';

/** The bucket the API seeds on a fresh data directory (apps/api/src/store/seed-demo.ts). */
export const DEMO_BUCKET = 'demo';

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
  return page.locator('.listing').getByRole('status');
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
