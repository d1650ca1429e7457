/**
 * The SPA in Chromium on a folder of many keys: first rows after navigation, then a scroll to
 * the end while counting rows in the DOM and long tasks.
 */
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { folderPageUrl } from '@stowage/shared';
import { apiJson } from './api-client.js';
import { root, seconds, startApi, webDist, type Bench } from './harness.js';
import { PREFIX, seededBucket } from './seed.js';

declare global {
  interface Window {
    __bench: { firstRowMs: number | null; maxRows: number; longTasks: number[] };
  }
}

/**
 * Runs in the page before its own scripts: watches rows and long tasks from the start.
 * A string, not a function: tsx would add helpers to a function that the page lacks.
 */
export const instrument = `
  const state = { firstRowMs: null, maxRows: 0, longTasks: [] };
  window.__bench = state;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) state.longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
  const count = () => {
    const rows = document.querySelectorAll('[role="row"][data-index]').length;
    if (rows > state.maxRows) state.maxRows = rows;
    if (rows > 0 && state.firstRowMs === null) state.firstRowMs = performance.now();
  };
  new MutationObserver(count).observe(document, { childList: true, subtree: true });
`;

/** First visits timed; the figure is their median. */
const VISITS = 5;
/** How long a new tab is left alone before its visit (the first also waits for the launch). */
const SETTLE_MS = 1500;

export const browser: Bench = {
  name: 'browser',
  adrs: ['0004-browser-first-rows-preload-and-launch-cost.md'],
  method:
    "The built SPA served by the API (STOWAGE_WEB_DIR), Debian's Chromium via Playwright " +
    '(1280×900), launched once. Before the visits the store and the API are warmed with one ' +
    'listing each (as in the listing bench). Each of five visits is a first one: a new ' +
    'browser context (no cache, cookie or compiled code of the app) whose tab has been open ' +
    "for 1.5 s before it navigates, so the browser's launch and a new renderer process (not " +
    "the app's doing) are not counted; the figure is the median visit. An init script " +
    'records, from navigation start, when the first listing row enters the DOM ' +
    '(MutationObserver, performance.now() against the navigation time origin), the most rows ' +
    "ever in the DOM, and every PerformanceObserver('longtask') entry; Resource Timing gives " +
    'the timeline in the detail. The last visit then scrolls the grid to its bottom ' +
    'repeatedly until the status says all keys are there: the listing of loaded pages fetches ' +
    'the next page each time; a folder over 3,000 keys is shown by the windowed listing, whose ' +
    'scroll to the bottom is one jump, and whose status says "N keys" once its background walk ' +
    'has made every position exact.',
  async run(ctx) {
    const { store, log, quick } = ctx;
    const { bucket, count } = await seededBucket(ctx);
    // Warm, as the listing bench is: the store (its first listing of a freshly seeded bucket),
    // and the API process, just started (its first listing, cold JIT, took ~0.4 s, not ~50 ms).
    await store.client.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: PREFIX, Delimiter: '/', MaxKeys: 1000 }),
    );
    const api = await startApi(store, { webDir: webDist });
    await apiJson(api, '/api/session');
    await apiJson(api, folderPageUrl(bucket, PREFIX));
    const b = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      // Debian's Chromium as root in a VM without GPU or network, as in the e2e suite.
      args: JSON.parse(
        readFileSync(path.join(root, 'scripts/chromium-args.json'), 'utf8'),
      ) as string[],
    });
    const url = `${api.url}/b/${bucket}?prefix=${encodeURIComponent(PREFIX)}`;
    const visits: { firstRowMs: number; timeline: string }[] = [];
    let scrolled: { maxRows: number; longTasks: number[]; scrollS: number };
    try {
      // A browser that is running already, as a user's is, and a tab that is open already: the
      // browser's launch and the tab's new renderer process (~1 s and ~0.3 s of both cores
      // here) are over before the visit. Each visit is a first one all the same: a new
      // context, so no cache, no cookie, no compiled code of the app.
      let page: Page | undefined;
      for (let i = 0; i < VISITS; i++) {
        await page?.context().close();
        page = await (await b.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
        await page.waitForTimeout(SETTLE_MS);
        await page.addInitScript({ content: instrument });
        await page.goto(url, { waitUntil: 'commit' });
        await page.waitForFunction(() => window.__bench.firstRowMs !== null, null, {
          timeout: 30_000,
        });
        const firstRowMs = await page.evaluate(() => window.__bench.firstRowMs as number);
        visits.push({ firstRowMs, timeline: await firstRowTimeline(page) });
        log(`  visit ${i + 1}: first row ${firstRowMs.toFixed(0)} ms`);
      }
      scrolled = await scrollToEnd(page!, count, quick);
    } finally {
      await b.close();
      await api.stop();
    }
    const { maxRows, longTasks, scrollS } = scrolled;
    const longest = Math.max(0, ...longTasks);
    const n = count.toLocaleString('en-US');
    const sorted = [...visits].sort((x, y) => x.firstRowMs - y.firstRowMs);
    const mid = sorted[Math.floor(sorted.length / 2)]!;
    const all = visits.map((v) => v.firstRowMs.toFixed(0)).join(', ');
    log(
      `  first row: median ${mid.firstRowMs.toFixed(0)} ms (${all}), max rows ${maxRows}, longest task ${longest.toFixed(0)} ms`,
    );
    log(`  the median visit, before its first row: ${mid.timeline}`);
    return [
      {
        id: 'browser.first-rows',
        figure: `Open a folder of ${n} keys: first rows after navigation`,
        budget: '< 1 s',
        value: `${mid.firstRowMs.toFixed(0)} ms`,
        met: mid.firstRowMs < 1000,
        detail: `median of ${VISITS} first visits (${all} ms); the median one before its first row: ${mid.timeline}`,
      },
      {
        id: 'browser.dom-rows',
        figure: `Scroll to the end of ${n} keys: most row elements in the DOM`,
        budget: '< 200',
        value: String(maxRows),
        met: maxRows < 200,
        detail: `scroll to the end took ${scrollS.toFixed(0)} s`,
      },
      {
        id: 'browser.long-task',
        figure: `Scroll to the end of ${n} keys: longest task`,
        budget: '≤ 200 ms',
        value: `${longest.toFixed(0)} ms`,
        met: longest <= 200,
        detail: `${longTasks.length} long tasks (> 50 ms)`,
      },
    ];
  },
};

/** Scrolls the grid to its bottom until every key is loaded; what the DOM and main thread went through. */
async function scrollToEnd(page: Page, count: number, quick: boolean) {
  const status = page.getByTestId('listing').getByRole('status');
  const scroller = page
    .getByRole('grid', { name: 'Objects' })
    .locator(':scope > [role="rowgroup"]')
    .last();
  // "N items" (the listing with every page loaded), or "N keys" (the windowed listing, once its
  // walk has made every position exact).
  const total = new RegExp(`^${count.toLocaleString('en-US')} (items|keys)`);
  const t = performance.now();
  const deadline = t + (quick ? 300_000 : 1_500_000);
  while (!total.test((await status.textContent()) ?? '')) {
    if (performance.now() > deadline) throw new Error('the scroll did not reach the end');
    await scroller.evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await page.waitForTimeout(50);
  }
  const scrollS = seconds(t);
  const { maxRows, longTasks } = await page.evaluate(() => window.__bench);
  return { maxRows, longTasks, scrollS };
}

/** When (ms after navigation start) the page's own resources and first API requests ended. */
export async function firstRowTimeline(page: Page): Promise<string> {
  // A string, not a function: tsx would wrap named helpers in __name(), unknown in the page.
  const t = (await page.evaluate(`(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const res = performance.getEntriesByType('resource');
    const scripts = res.filter((e) => e.name.endsWith('.js'));
    const span = (part) => {
      const e = res.find((r) => new URL(r.name).pathname.includes(part));
      return e ? e.startTime.toFixed(0) + '–' + e.responseEnd.toFixed(0) : 'none';
    };
    return {
      html: nav.responseEnd.toFixed(0),
      scripts: scripts.length + ' scripts by ' +
        Math.max(0, ...scripts.map((e) => e.responseEnd)).toFixed(0),
      domContentLoaded: nav.domContentLoadedEventEnd.toFixed(0),
      session: span('/api/session'),
      objects: span('/objects'),
      others: res
        .filter((e) => e.name.includes('/api/') && !/\\/(session|objects)/.test(e.name))
        .map((e) => new URL(e.name).pathname.replace(/^\\/api\\/buckets\\/[^/]+/, '…') + ' ' +
          e.startTime.toFixed(0) + '–' + e.responseEnd.toFixed(0))
        .join(', ') || 'none',
    };
  })()`)) as Record<
    'html' | 'scripts' | 'domContentLoaded' | 'session' | 'objects' | 'others',
    string
  >;
  return (
    `HTML ${t.html} ms, ${t.scripts} ms, DOMContentLoaded ${t.domContentLoaded} ms, ` +
    `GET /api/session ${t.session} ms, first listing page ${t.objects} ms; meanwhile ${t.others} ms`
  );
}
