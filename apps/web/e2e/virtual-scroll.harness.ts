/**
 * The scroll harness of virtual-scroll.spec.ts: scrolls the object grid to its end one
 * viewport at a time and records what each step shows, measured in the page.
 */
import { expect, type Locator } from '@playwright/test';
import { FAST_POLL } from './support/poll';

/** The grid's scrolling row group (the second one; the first holds the column headers). */
function gridScroller(grid: Locator): Locator {
  // A CSS child step: resolving getByRole('rowgroup') costs more on every scroll step.
  return grid.locator(':scope > [role="rowgroup"]').last();
}

/** What the grid shows at one scroll position. */
type GridSnapshot = {
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
async function stepAndSnapshot(scroller: Locator, scrollDown: boolean) {
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
 * Scrolls the grid (role="grid") from the top one viewport at a time, recording the visible rows at each
 * step, until it is at the bottom with no page left to load. Waits (without sleeping) for
 * the next page whenever it reaches the end of what is loaded.
 */
export async function scrollToEnd(grid: Locator, maxSteps = 1000): Promise<ScrollResult> {
  const scroller = gridScroller(grid);
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
