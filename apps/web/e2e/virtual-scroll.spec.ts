import { expect } from '@playwright/test';
import { DEMO_BUCKET, MANY_COUNT, manyItemName } from './support/demo';
import { test } from './support/fixtures';
import { scrollToEnd } from './virtual-scroll.harness';

/** The grid is virtualized: far fewer rows than entries are ever in the DOM. */
const MAX_DOM_ROWS = 200;

// A full-HD-tall window: about 30 rows per scroll step, so ~90 steps to the end, not ~160.
test.use({ viewport: { width: 1280, height: 1080 } });

test('scrolling many/ to its end loads all 2,600 keys, each shown once, in a small DOM', async ({
  folderPage,
}) => {
  await folderPage.goto('many/');
  await folderPage.expectBreadcrumb([DEMO_BUCKET, 'many']);
  await expect(folderPage.row(manyItemName(1))).toBeVisible();
  // One API page so far: the rest comes while scrolling.
  await expect(folderPage.status).toHaveText('1,000 loaded, more…');
  await expect(folderPage.grid).toHaveAttribute('aria-rowcount', '-1');

  const result = await scrollToEnd(folderPage.grid);

  await expect(folderPage.status).toHaveText('2,600 items');
  await expect(folderPage.grid).toHaveAttribute('aria-rowcount', String(MANY_COUNT + 1));
  await expect(folderPage.row(manyItemName(MANY_COUNT))).toBeInViewport();

  const expected = Array.from({ length: MANY_COUNT }, (_, i) => manyItemName(i + 1));
  const seen = new Set(result.byPosition.values());
  expect(
    expected.filter((name) => !seen.has(name)),
    'names never shown',
  ).toEqual([]);
  expect(
    [...seen].filter((name) => !expected.includes(name)),
    'unexpected names',
  ).toEqual([]);
  expect(Object.fromEntries(result.duplicates), 'names shown at several positions').toEqual({});
  expect(result.conflicts, 'positions that changed name').toEqual([]);
  expect(result.gaps, 'holes among the visible rows').toEqual([]);
  // Position i (data-index) shows item i + 1: store order, nothing skipped or repeated.
  expect(result.byPosition.size).toBe(MANY_COUNT);
  const outOfPlace = expected.filter((name, i) => result.byPosition.get(i) !== name);
  expect(outOfPlace, 'names not at their position').toEqual([]);

  expect(result.maxDomRows).toBeGreaterThan(0);
  expect(result.maxDomRows).toBeLessThanOrEqual(MAX_DOM_ROWS);
  // It did scroll step by step rather than jump.
  expect(result.steps).toBeGreaterThan(MANY_COUNT / MAX_DOM_ROWS);
});
