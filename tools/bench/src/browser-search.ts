/**
 * The SPA in Chromium on a search of 10,000 matches: rows in the DOM and long tasks while the
 * results stream in and while they are scrolled to the end.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { SEARCH_LIMIT_DEFAULT } from '@stowage/shared';
import { apiJson } from './api-client.js';
import { root, seconds, startApi, webDist, type Bench } from './harness.js';
import { PREFIX, seededBucket } from './seed.js';

declare global {
  interface Window {
    __searchBench: { maxRows: number; longTasks: number[] };
  }
}

/** Before the page's scripts: the most result rows ever in the DOM, every long task. */
const instrument = `
  const state = { maxRows: 0, longTasks: [] };
  window.__searchBench = state;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) state.longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver(() => {
    const rows = document.querySelectorAll('[role="grid"][aria-label="Search results"] [role="row"][data-index]').length;
    if (rows > state.maxRows) state.maxRows = rows;
  }).observe(document, { childList: true, subtree: true });
`;

/** "key-0" is in the name of each of the first 99,999 keys of k/ (key-000001…): ≥ 10,000 matches. */
const QUERY = 'key-0';

export const browserSearch: Bench = {
  name: 'browser-search',
  adrs: [],
  method:
    "The built SPA served by the API, Debian's Chromium via Playwright (1280×900). The page " +
    `opens /b/<bucket>?prefix=k/&q=${QUERY} (a search in the URL runs on load): the API ` +
    `streams the matches (the first ${SEARCH_LIMIT_DEFAULT.toLocaleString('en-US')}, its default ` +
    'limit) and the app shows them as they arrive. An init script records the most rows of ' +
    "the results grid ever in the DOM (MutationObserver) and every PerformanceObserver('longtask') " +
    'entry, while they stream in and then while the grid is scrolled to its end.',
  async run(ctx) {
    const { store, log } = ctx;
    const { bucket } = await seededBucket(ctx);
    const api = await startApi(store, { webDir: webDist });
    await apiJson(api, '/api/session');
    const b = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: JSON.parse(
        readFileSync(path.join(root, 'scripts/chromium-args.json'), 'utf8'),
      ) as string[],
    });
    let streamS = 0;
    let matches = '';
    let state: Window['__searchBench'];
    let streamed: Window['__searchBench'];
    try {
      const page = await (await b.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
      await page.addInitScript({ content: instrument });
      const t = performance.now();
      await page.goto(`${api.url}/b/${bucket}?prefix=${encodeURIComponent(PREFIX)}&q=${QUERY}`);
      const status = page.getByTestId('search-results').getByRole('status');
      await status
        .filter({ hasText: /^(Done|Showed|The search failed)/ })
        .waitFor({ timeout: 300_000 });
      streamS = seconds(t);
      matches = (await status.textContent()) ?? '';
      streamed = await page.evaluate(() => ({ ...window.__searchBench }));
      const scroller = page
        .getByRole('grid', { name: 'Search results' })
        .locator(':scope > [role="rowgroup"]')
        .last();
      for (let i = 0; i < 20; i++) {
        await scroller.evaluate((el, step) => {
          el.scrollTop = (el.scrollHeight * step) / 20;
        }, i + 1);
        await page.waitForTimeout(50);
      }
      state = await page.evaluate(() => window.__searchBench);
    } finally {
      await b.close();
      await api.stop();
    }
    const longest = Math.max(0, ...state.longTasks);
    const longestStreaming = Math.max(0, ...streamed.longTasks);
    log(
      `  ${matches} in ${streamS.toFixed(1)} s; max rows ${state.maxRows}; longest task ${longest.toFixed(0)} ms (${longestStreaming.toFixed(0)} ms while streaming)`,
    );
    return [
      {
        id: 'browser-search.dom-rows',
        figure: `Search results of ${SEARCH_LIMIT_DEFAULT.toLocaleString('en-US')} matches: most row elements in the DOM`,
        budget: '< 200',
        value: String(state.maxRows),
        met: state.maxRows < 200,
        detail: `${matches}; streamed in ${streamS.toFixed(1)} s, then scrolled to the end`,
      },
      {
        id: 'browser-search.long-task',
        figure: `Search results of ${SEARCH_LIMIT_DEFAULT.toLocaleString('en-US')} matches streaming in: longest task`,
        budget: '≤ 200 ms',
        value: `${longestStreaming.toFixed(0)} ms`,
        met: longestStreaming <= 200 && longest <= 200,
        detail: `${streamed.longTasks.length} long tasks (> 50 ms) while streaming; ${longest.toFixed(0)} ms longest including the scroll`,
      },
    ];
  },
};
