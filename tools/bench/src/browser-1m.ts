/**
 * Issue 24, goal 1: a folder of 1,000,000 keys on Ceph (kept between runs, see seed-1m.ts) in
 * the SPA: first rows, jumps by the scrollbar and by the "Go to name" box, and what the tab
 * holds after visiting 20 positions; and the listing API's first page there ÷ ListObjectsV2.
 */
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { folderPageUrl } from '@stowage/shared';
import { apiJson } from './api-client.js';
import { firstRowTimeline, instrument } from './browser.js';
import {
  interleaved,
  median,
  root,
  seconds,
  startApi,
  webDist,
  type Bench,
  type Figure,
} from './harness.js';
import {
  BUCKET_1M,
  COUNT_1M,
  FOLDER_1M,
  keyAt1m,
  MARKER_1M,
  osdRssMiB,
  SEEDED_FILE,
  seedViaRados,
  stateDiskMiB,
  type SeedRecord,
  startKeptCeph,
} from './seed-1m.js';

declare global {
  interface Window {
    __jump: { t0: number; ms: number | null; label: string | null };
    __watch: (kind: 'after' | 'prefix', arg: string) => void;
  }
}

/**
 * In the page: from now, on every frame, looks for a row inside the grid's scroller whose name
 * sorts after `arg` ('after') or starts with it ('prefix'); records when one is there.
 * A string, not a function: tsx would add helpers to a function that the page lacks.
 */
const watcher = `
  window.__watch = (kind, arg) => {
    const w = { t0: performance.now(), ms: null, label: null };
    window.__jump = w;
    const tick = () => {
      // Looked up on every frame: the listing may replace its grid.
      const grid = document.querySelector('[role="grid"][aria-label="Objects"]');
      const groups = grid ? grid.querySelectorAll(':scope > [role="rowgroup"]') : [];
      const scroller = groups[groups.length - 1];
      if (!scroller) return requestAnimationFrame(tick);
      const box = scroller.getBoundingClientRect();
      for (const r of scroller.querySelectorAll('[role="row"][data-index]')) {
        const b = r.getBoundingClientRect();
        if (b.bottom <= box.top || b.top >= box.bottom) continue;
        const label = r.getAttribute('aria-label');
        if (label && (kind === 'after' ? label > arg : label.startsWith(arg))) {
          w.ms = performance.now() - w.t0;
          w.label = label;
          return;
        }
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };
`;

const VISITS = 5;
const SETTLE_MS = 1500;
/** Rows of the first pages: a row shown after a jump must sort after these. */
const FIRST_PAGES_ROWS = 2000;
/** Typed into "Go to name", one per visit: prefixes of keys far from the start and from 70 %. */
const GO_TO = ['img_0200000', 'maple-', 'Q2_Report_', 'log-2026-09', 'été-7'];
/** The 20 positions of the memory session: a scrollbar fraction, a name, or a wheel scroll. */
const POSITIONS: (number | string | 'wheel')[] = [
  0.1,
  'wheel',
  'amber-',
  0.45,
  'wheel',
  0.9,
  'log-2026-02-1',
  'wheel',
  0.25,
  'img_0012',
  0.6,
  'wheel',
  'zephyr-',
  0.05,
  'wheel',
  0.8,
  'Q4_Report_',
  0.35,
  'wheel',
  0.99,
];

const scrollerOf = (page: Page) =>
  page.getByRole('grid', { name: 'Objects' }).locator(':scope > [role="rowgroup"]').last();

/** Anonymous resident memory (RssAnon: the process's own, not shared files) and RSS, MiB. */
function rendererMemory(): { anonMiB: number; rssMiB: number; pid: number } {
  let best = { anonMiB: 0, rssMiB: 0, pid: 0 };
  const ppid = new Map<number, number>();
  const renderers: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      ppid.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      if (readFileSync(`/proc/${name}/cmdline`, 'utf8').includes('--type=renderer'))
        renderers.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  const ours = (pid: number) => {
    for (let p = pid; p > 1; p = ppid.get(p) ?? 0) if (p === process.pid) return true;
    return false;
  };
  for (const pid of renderers.filter(ours)) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = (f: string) => Number(new RegExp(`${f}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
      const m = { anonMiB: kb('RssAnon') / 1024, rssMiB: kb('VmRSS') / 1024, pid };
      if (m.anonMiB > best.anonMiB) best = m;
    } catch {
      // gone meanwhile
    }
  }
  return best;
}

export const browser1m: Bench = {
  name: 'browser-1m',
  adrs: [],
  method:
    'Ceph only. A folder `m/` of 1,000,000 zero-byte keys in the bucket bench-1m, on a Ceph ' +
    'cluster of its own kept between runs (`scripts/ceph-rgw.sh` with CEPH_KEEP_STATE=1 in ' +
    '`ceph-1m` of the bench directory (STOWAGE_BENCH_DIR), BENCH_1M_STATE_DIR moves it; its OSD is BlueStore on a sparse ' +
    'file, its cache bounded by osd memory target 1.5 GiB; seeding is not part of any figure). The keys are as a real ' +
    'folder has them, not evenly spread: 40 % logs named by a timestamp clustered early in 2026 ' +
    '(`log-2026-01-07T13-42-05.123Z-0a3f1.json`), 30 % `img_0012345.jpg`, 20 % word names ' +
    '(`maple-heron-123456.pdf`), 10 % others (`Q3_Report_2n9c.xlsx`, `été-123456.txt`, ' +
    '`00042 scan 123456.tif`), all direct children of `m/`. Seeding writes the index entries ' +
    'and head objects through librados (tools/bench/rados-seed: byte copies of what radosgw ' +
    'wrote for one zero-byte PutObject, each with its own name, in the shard RGW computes): a ' +
    'PutObject costs ~8 ms of CPU across client, radosgw and OSD here, an hour for a million. ' +
    "Listing: the API's first page (`GET …/objects?prefix=m/`, 1,000) ÷ ListObjectsV2 with the " +
    'same prefix, delimiter and MaxKeys, median of 15 interleaved timings each. Browser: as the ' +
    'browser bench (a new context per visit, its tab open 1.5 s before it navigates; an init ' +
    'script records the first row, the most rows in the DOM and every long task). Each of five ' +
    'first visits: first rows; then, once the status says positions are estimated (the ' +
    "windowed listing is in place), the grid scroller's scrollTop set to 70 % of its range, " +
    'timed to the first frame (requestAnimationFrame) with a row inside the scroller whose name ' +
    'sorts after the 2,000th key (not on the first pages); then a name typed into the textbox ' +
    '"Go to name" and Enter (a different name per visit: img_0200000, maple-, Q2_Report_, ' +
    'log-2026-09, été-7), timed from Enter to the first frame with a row starting with it. ' +
    'Each figure is the median of five; the scrollbar figure also says where (rank ÷ count) the row shown is. The last visit then visits 20 positions (scrollbar ' +
    'fractions, names typed, wheel scrolls of 3,000 px), each until a real row shows there; ' +
    "then, after a garbage collection (CDP HeapProfiler.collectGarbage), the tab's memory is " +
    "the renderer process's RssAnon (its own resident memory, without shared files; CDP " +
    'JSHeapUsedSize and the full RSS in the detail). Most rows in the DOM and the longest task ' +
    'are over all five visits and the session. The jump figures need the windowed listing; ' +
    'without a "Go to name" box they are "not measured".',
  async run(ctx) {
    const { store: runStore, log } = ctx;
    if (runStore.kind !== 'ceph') return [];
    const store = startKeptCeph();
    log(`  ${store.version}`);
    const figures: Figure[] = [];
    try {
      const seeded = await store.client
        .send(new ListObjectsV2Command({ Bucket: BUCKET_1M, Prefix: MARKER_1M, MaxKeys: 1 }))
        .then((r) => (r.KeyCount ?? 0) > 0)
        .catch(() => false);
      let record: SeedRecord | null = null;
      let seedNote = 'seeded by an earlier run';
      if (!seeded) {
        log(`  seeding ${COUNT_1M} keys into ${BUCKET_1M}/${FOLDER_1M}…`);
        record = await seedViaRados(store, store.stateDir, log);
        seedNote = 'seeded in this run';
      } else {
        try {
          record = JSON.parse(
            readFileSync(path.join(store.stateDir, SEEDED_FILE), 'utf8'),
          ) as SeedRecord;
        } catch {
          // seeded before the record was kept
        }
      }
      const seedText = record
        ? `${seedNote}: ${record.seconds.toFixed(0)} s at ${record.at} (load ${record.load}), ${record.osdPeakRssMiB === null ? 'OSD peak RSS not recorded' : `OSD peak RSS ${record.osdPeakRssMiB.toFixed(0)} MiB while seeding`}`
        : seedNote;
      const osdMiB = osdRssMiB(store.stateDir);
      const diskMiB = stateDiskMiB(store.stateDir);
      log(`  ${seedText}; OSD RSS ${osdMiB.toFixed(0)} MiB, state ${diskMiB} MiB on disk`);
      figures.push({
        id: 'browser-1m.store',
        figure: 'Folder of 1,000,000 keys (kept Ceph): seeding, OSD memory, disk',
        budget: 'reported',
        value: record ? `seeded in ${record.seconds.toFixed(0)} s` : seedNote,
        met: null,
        detail: `${seedText}; OSD RSS ${osdMiB.toFixed(0)} MiB after start, state dir ${diskMiB} MiB on disk; ${store.version}`,
        raw: { osdRssMiB: osdMiB, diskMiB, ...(record ? { seedSeconds: record.seconds } : {}) },
      });
      const api = await startApi(store, { webDir: webDist });
      try {
        figures.push(await listingFirstPage(store, api, log));
        figures.push(...(await browserScenario(api, log)));
      } finally {
        await api.stop();
      }
    } finally {
      const t = performance.now();
      await store.stop();
      log(`  kept cluster stopped (state saved) in ${seconds(t).toFixed(0)} s`);
    }
    return figures;
  },
};

async function listingFirstPage(
  store: ReturnType<typeof startKeptCeph>,
  api: Awaited<ReturnType<typeof startApi>>,
  log: (m: string) => void,
): Promise<Figure> {
  const apiPage = () => apiJson<unknown>(api, folderPageUrl(BUCKET_1M, FOLDER_1M));
  const directPage = () =>
    store.client.send(
      new ListObjectsV2Command({
        Bucket: BUCKET_1M,
        Prefix: FOLDER_1M,
        Delimiter: '/',
        MaxKeys: 1000,
      }),
    );
  const timed = async (fn: () => Promise<unknown>) => {
    const t = performance.now();
    await fn();
    return seconds(t);
  };
  await apiPage();
  await directPage();
  const first = { api: [] as number[], direct: [] as number[] };
  for (let r = 0; r < 15; r++) {
    const t = await interleaved(
      r,
      () => timed(apiPage),
      () => timed(directPage),
    );
    first.api.push(t.api);
    first.direct.push(t.direct);
  }
  const ratio = median(first.api) / median(first.direct);
  const ms = (s: number) => `${(s * 1000).toFixed(0)} ms`;
  log(`  listing first page: API ${ms(median(first.api))}, direct ${ms(median(first.direct))}`);
  return {
    id: 'browser-1m.listing-first',
    figure: 'List a folder of 1,000,000 keys, first page: API ÷ direct ListObjectsV2 time (Ceph)',
    budget: '≤ 1.1',
    value: ratio.toFixed(2),
    met: ratio <= 1.1,
    detail: `API ${ms(median(first.api))}, direct ${ms(median(first.direct))} (medians of 15)`,
    raw: { apiMs: median(first.api) * 1000, directMs: median(first.direct) * 1000 },
  };
}

interface Jump {
  ms: number | null;
  label: string | null;
}

async function waitJump(page: Page): Promise<Jump> {
  try {
    await page.waitForFunction(() => window.__jump.ms !== null, null, { timeout: 20_000 });
  } catch {
    return { ms: null, label: null };
  }
  return page.evaluate(() => ({ ms: window.__jump.ms, label: window.__jump.label }));
}

async function browserScenario(
  api: Awaited<ReturnType<typeof startApi>>,
  log: (m: string) => void,
): Promise<Figure[]> {
  // The folder's names in listing order (UTF-8 byte order; the same as UTF-16 order here: no
  // character is outside the BMP), to say where a jump landed.
  const names = Array.from({ length: COUNT_1M }, (_, i) => keyAt1m(i).slice(FOLDER_1M.length));
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const known = new Set(names);
  const rank = (name: string) => {
    let lo = 0;
    let hi = names.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (names[mid]! < name) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const afterFirstPages = names[FIRST_PAGES_ROWS - 1]!;
  const pct = (name: string | null) =>
    name === null ? '–' : `${((rank(name) / COUNT_1M) * 100).toFixed(1)} %`;

  await apiJson(api, '/api/session');
  await apiJson(api, folderPageUrl(BUCKET_1M, FOLDER_1M));
  const b = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: JSON.parse(
      readFileSync(path.join(root, 'scripts/chromium-args.json'), 'utf8'),
    ) as string[],
  });
  const url = `${api.url}/b/${BUCKET_1M}?prefix=${encodeURIComponent(FOLDER_1M)}`;
  const firstRows: number[] = [];
  const timelines: string[] = [];
  const scrollJumps: Jump[] = [];
  const nameJumps: (Jump & { typed: string })[] = [];
  let jumpUi = true;
  let maxRows = 0;
  const longTasks: number[] = [];
  let session: {
    positions: string[];
    failed: number;
    heapMiB: number;
    mem: ReturnType<typeof rendererMemory>;
  } | null = null;
  try {
    let page: Page | undefined;
    for (let i = 0; i < VISITS; i++) {
      if (page) {
        const s = await page.evaluate(() => window.__bench);
        maxRows = Math.max(maxRows, s.maxRows);
        longTasks.push(...s.longTasks);
        await page.context().close();
      }
      page = await (await b.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
      await page.waitForTimeout(SETTLE_MS);
      await page.addInitScript({ content: instrument });
      await page.addInitScript({ content: watcher });
      await page.goto(url, { waitUntil: 'commit' });
      await page.waitForFunction(() => window.__bench.firstRowMs !== null, null, {
        timeout: 30_000,
      });
      firstRows.push(await page.evaluate(() => window.__bench.firstRowMs as number));
      timelines.push(await firstRowTimeline(page));
      const goTo = page.getByRole('textbox', { name: 'Go to name', exact: true });
      // The windowed listing (a scroll bar for the whole folder, the "Go to name" box) replaces
      // the first one once its background probes show the folder bigger than its window: the
      // box is not there at the first row, so it is looked for once the status says so.
      jumpUi = await page
        .getByRole('status')
        .filter({ hasText: 'positions are estimated' })
        .waitFor({ timeout: 30_000 })
        .then(
          async () => (await goTo.count()) > 0,
          () => false,
        );
      let line = `  visit ${i + 1}: first row ${firstRows[i]!.toFixed(0)} ms`;
      if (jumpUi) {
        await page.waitForTimeout(500);
        await scrollerOf(page).evaluate((el, arg) => {
          window.__watch('after', arg);
          el.scrollTop = 0.7 * (el.scrollHeight - el.clientHeight);
        }, afterFirstPages);
        const s = await waitJump(page);
        scrollJumps.push(s);
        const typed = GO_TO[i]!;
        await goTo.fill(typed);
        await page.evaluate((arg) => window.__watch('prefix', arg), typed);
        await goTo.press('Enter');
        const n = await waitJump(page);
        nameJumps.push({ ...n, typed });
        line +=
          `; scrollbar 70 %: ${s.ms?.toFixed(0) ?? 'no row in 20 s'} ms (landed at ${pct(s.label)})` +
          `; "${typed}": ${n.ms?.toFixed(0) ?? 'no row in 20 s'} ms`;
      }
      log(line);
    }
    if (jumpUi) session = await visitPositions(page!, known, log);
    const s = await page!.evaluate(() => window.__bench);
    maxRows = Math.max(maxRows, s.maxRows);
    longTasks.push(...s.longTasks);
  } finally {
    await b.close();
  }

  const sortedFirst = [...firstRows].sort((x, y) => x - y);
  const midIndex = firstRows.indexOf(sortedFirst[Math.floor(VISITS / 2)]!);
  const firstMs = firstRows[midIndex]!;
  const longest = Math.max(0, ...longTasks);
  const notBuilt = 'not measured: the jump UI is not built';
  const out: Figure[] = [
    {
      id: 'browser-1m.first-rows',
      figure: 'Open a folder of 1,000,000 keys: first rows after navigation',
      budget: '< 0.8 s',
      value: `${firstMs.toFixed(0)} ms`,
      met: firstMs < 800,
      detail: `median of ${VISITS} first visits (${firstRows.map((v) => v.toFixed(0)).join(', ')} ms); the median one before its first row: ${timelines[midIndex]!}`,
    },
  ];
  const jumpFigure = (id: string, label: string, jumps: Jump[], detail: string): Figure => {
    if (!jumpUi)
      return { id, figure: label, budget: '< 1 s', value: notBuilt, met: null, detail: '' };
    const all = jumps.map((j) => j.ms ?? Infinity);
    const m = median(all);
    const bad = jumps.filter((j) => j.label !== null && !known.has(j.label)).length;
    return {
      id,
      figure: label,
      budget: '< 1 s',
      value: Number.isFinite(m) ? `${m.toFixed(0)} ms` : 'no row in 20 s',
      // A jump that showed no row is a failure, whatever the median.
      met: all.every(Number.isFinite) && m < 1000 && bad === 0,
      detail: `median of ${jumps.length} (${all.map((v) => (Number.isFinite(v) ? v.toFixed(0) : 'none')).join(', ')} ms); ${detail}${bad ? `; ${bad} rows shown were not keys of the folder` : ''}`,
    };
  };
  out.push(
    jumpFigure(
      'browser-1m.jump-scrollbar',
      '1,000,000 keys: jump by the scrollbar to 70 %, to the rows there',
      scrollJumps,
      `landed at ${scrollJumps.map((j) => pct(j.label)).join(', ')} of the keys`,
    ),
    jumpFigure(
      'browser-1m.jump-name',
      '1,000,000 keys: jump by "Go to name", to the row there',
      nameJumps,
      `names ${nameJumps.map((j) => `${j.typed} → ${j.label ?? 'none'}`).join(', ')}`,
    ),
  );
  if (session) {
    const { mem, heapMiB, failed, positions } = session;
    out.push({
      id: 'browser-1m.memory',
      figure: '1,000,000 keys, after visiting 20 positions: memory of the tab (renderer RssAnon)',
      budget: '< 200 MB',
      value: `${((mem.anonMiB * 1024 * 1024) / 1e6).toFixed(0)} MB`,
      met: (mem.anonMiB * 1024 * 1024) / 1e6 < 200 && failed === 0,
      detail: `after a GC: renderer RssAnon ${mem.anonMiB.toFixed(0)} MiB, RSS ${mem.rssMiB.toFixed(0)} MiB, JSHeapUsedSize ${heapMiB.toFixed(1)} MiB; positions: ${positions.join(', ')}${failed ? `; ${failed} showed no row in 20 s` : ''}`,
      raw: { anonMiB: mem.anonMiB, rssMiB: mem.rssMiB, heapMiB },
    });
  } else {
    out.push({
      id: 'browser-1m.memory',
      figure: '1,000,000 keys, after visiting 20 positions: memory of the tab (renderer RssAnon)',
      budget: '< 200 MB',
      value: notBuilt,
      met: null,
      detail: '',
    });
  }
  out.push(
    {
      id: 'browser-1m.dom-rows',
      figure: '1,000,000 keys, five visits and the 20 positions: most row elements in the DOM',
      budget: '< 200',
      value: String(maxRows),
      met: maxRows < 200,
      detail: session
        ? 'five visits with their jumps, then 20 positions'
        : `five visits (${notBuilt})`,
    },
    {
      id: 'browser-1m.long-task',
      figure: '1,000,000 keys, five visits and the 20 positions: longest task',
      budget: '≤ 100 ms',
      value: `${longest.toFixed(0)} ms`,
      met: longest <= 100,
      detail: `${longTasks.length} long tasks (> 50 ms)${session ? '' : ` (${notBuilt})`}`,
    },
  );
  return out;
}

/** The memory session: 20 positions, each until a row of the folder shows inside the grid. */
async function visitPositions(
  page: Page,
  known: Set<string>,
  log: (m: string) => void,
): Promise<{
  positions: string[];
  failed: number;
  heapMiB: number;
  mem: ReturnType<typeof rendererMemory>;
}> {
  const scroller = scrollerOf(page);
  const goTo = page.getByRole('textbox', { name: 'Go to name', exact: true });
  const visible = () =>
    scroller.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return [...el.querySelectorAll('[role="row"][data-index]')]
        .filter((r) => {
          const b = r.getBoundingClientRect();
          return b.bottom > box.top && b.top < box.bottom;
        })
        .map((r) => r.getAttribute('aria-label') ?? '');
    });
  const positions: string[] = [];
  let failed = 0;
  for (const p of POSITIONS) {
    const before = (await visible()).join('\n');
    if (typeof p === 'number') {
      await scroller.evaluate((el, f) => {
        el.scrollTop = f * (el.scrollHeight - el.clientHeight);
      }, p);
    } else if (p === 'wheel') {
      const box = (await scroller.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, 3000);
    } else {
      await goTo.fill(p);
      await goTo.press('Enter');
    }
    const t = performance.now();
    let shown: string | undefined;
    while (performance.now() - t < 20_000) {
      const labels = await visible();
      if (labels.join('\n') !== before) shown = labels.find((l) => known.has(l));
      if (shown) break;
      await page.waitForTimeout(50);
    }
    if (!shown) failed++;
    positions.push(`${typeof p === 'number' ? `${p * 100} %` : p} → ${shown ?? 'none'}`);
    await page.waitForTimeout(300);
  }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
  await page.waitForTimeout(500);
  const mem = rendererMemory();
  log(
    `  20 positions (${failed} without a row): renderer RssAnon ${mem.anonMiB.toFixed(0)} MiB, heap ${(heap / 1048576).toFixed(1)} MiB`,
  );
  return { positions, failed, heapMiB: heap / 1048576, mem };
}
