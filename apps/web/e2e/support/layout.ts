/** Geometry for the layout specs: boxes inside boxes, overlaps, sideways scrolling. */
import { expect, type Locator, type Page } from '@playwright/test';

/** The widths the layout specs try: a desktop, a small laptop and a phone. */
export const WIDTHS = [1440, 1024, 390] as const;

/** A viewport of that width, as tall as a desktop's or a phone's. */
export function viewportOf(width: number): { width: number; height: number } {
  return { width, height: width <= 480 ? 844 : 900 };
}

export type Box = { x: number; y: number; width: number; height: number };

export async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`Not visible: ${locator.toString()}`);
  return box;
}

/**
 * The element's box once the page has stopped moving it: the same in readings 150 ms apart
 * (what loads above a listing — the bucket's status, the probes' answers — may still push it
 * down after it shows). Gives up waiting after 5 s and answers the last reading.
 */
export async function settledBoxOf(locator: Locator): Promise<Box> {
  let box = await boxOf(locator);
  for (let waited = 0; waited < 5000; waited += 150) {
    await new Promise((r) => setTimeout(r, 150));
    const next = await boxOf(locator);
    if (next.x === box.x && next.y === box.y && next.height === box.height) return next;
    box = next;
  }
  return box;
}

/** `inner` lies inside `outer` (to a pixel's rounding). */
export function expectInside(inner: Box, outer: Box, what: string): void {
  expect(inner.x, `${what}: left edge`).toBeGreaterThanOrEqual(outer.x - 1);
  expect(inner.y, `${what}: top edge`).toBeGreaterThanOrEqual(outer.y - 1);
  expect(inner.x + inner.width, `${what}: right edge`).toBeLessThanOrEqual(
    outer.x + outer.width + 1,
  );
  expect(inner.y + inner.height, `${what}: bottom edge`).toBeLessThanOrEqual(
    outer.y + outer.height + 1,
  );
}

/** Whether two boxes share any area (touching edges do not count). */
export function intersects(a: Box, b: Box): boolean {
  return (
    a.x < b.x + b.width - 0.5 &&
    b.x < a.x + a.width - 0.5 &&
    a.y < b.y + b.height - 0.5 &&
    b.y < a.y + a.height - 0.5
  );
}

/** The page does not scroll sideways: the document is no wider than the viewport. */
export async function expectNoSidewaysScroll(page: Page, what: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement?.scrollWidth ?? 0,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${what}: the page scrolls sideways`).toBeLessThanOrEqual(innerWidth);
}

/** An element does not scroll sideways: its content is no wider than its box. */
export async function expectFits(locator: Locator, what: string): Promise<void> {
  const { scrollWidth, clientWidth } = await locator.evaluate((el) => ({
    scrollWidth: el.scrollWidth,
    clientWidth: el.clientWidth,
  }));
  expect(scrollWidth, `${what} scrolls sideways`).toBeLessThanOrEqual(clientWidth);
}

/**
 * The right edge of an element's first words (its first non-blank text node, not its box, nor
 * an icon beside the words): a Range over that text.
 */
export async function textRightEdge(locator: Locator): Promise<number> {
  return locator.evaluate((el) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if ((node.textContent ?? '').trim() === '') continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      return range.getBoundingClientRect().right;
    }
    throw new Error('No text');
  });
}

/**
 * Nothing in `root` (itself included) scrolls sideways: every element of it that can scroll
 * (overflow-x auto or scroll) holds content no wider than its box. Names the ones that do.
 */
export async function expectNoSidewaysScrollWithin(root: Locator, what: string): Promise<void> {
  const overflowing = await root.evaluate((el) =>
    [el, ...Array.from(el.querySelectorAll('*'))]
      .filter((node) => {
        const overflowX = getComputedStyle(node).overflowX;
        return (
          (overflowX === 'auto' || overflowX === 'scroll') && node.scrollWidth > node.clientWidth
        );
      })
      .map(
        (node) =>
          `<${node.tagName.toLowerCase()} class="${node.getAttribute('class') ?? ''}"> ${String(node.scrollWidth)} > ${String(node.clientWidth)}`,
      ),
  );
  expect(overflowing, `${what}: these scroll sideways`).toEqual([]);
}
