/**
 * A big upload from the browser (issue 22): a file chosen in the built app in Chromium goes up
 * through the real transfer panel (multipart, relay, 4 parts in flight, each part's Content-MD5
 * hashed in the page's worker) ÷ lib-storage's Upload from Node straight to the same store, and
 * the API's peak RSS meanwhile.
 */
import { existsSync, linkSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DeleteObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { chromium, type Browser } from '@playwright/test';
import {
  MiB,
  benchDir,
  chromiumCpuByType,
  ensureBucket,
  interleaved,
  median,
  ownCpu,
  root,
  seconds,
  startApi,
  testFile,
  webDist,
  type Bench,
} from './harness.js';
import { BUCKET, directUpload } from './upload.js';

/** Parts in flight: the panel's "Parallel uploads" setting, 4 by default. */
const IN_FLIGHT = 4;
const BROWSER_KEY = 'browser-upload.bin';
const DIRECT_KEY = 'browser-direct.bin';

/**
 * The test file under the key's name (a hard link: no copy), so the panel uploads it to
 * `BROWSER_KEY` at the bucket's root.
 */
function namedFile(mib: number): string {
  const dir = path.join(benchDir, `browser-upload-${mib}MiB`);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, BROWSER_KEY);
  if (!existsSync(file)) linkSync(testFile(mib), file);
  return file;
}

/**
 * One upload from the page: a fresh context (no cache, no IndexedDB of an earlier round), the
 * bucket's folder, "Upload files", the file chosen; timed from the choice until the panel's item
 * says done. Returns the seconds and the note the panel showed (how the file travelled).
 */
async function browserUpload(
  b: Browser,
  apiUrl: string,
  file: string,
  key: string,
  timeout: number,
) {
  const context = await b.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`${apiUrl}/b/${BUCKET}`);
    await page.evaluate(
      ({ n, xp }) => {
        localStorage.setItem('stowage.upload.concurrency', String(n));
        for (const k of xp.split(',').filter(Boolean)) localStorage.setItem(k, '1');
      },
      { n: IN_FLIGHT, xp: process.env.BENCH_XP ?? '' },
    );
    await page.reload();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Upload files', exact: true }).click();
    const picked = await chooser;
    const cpu0 = chromiumCpuByType();
    const t = performance.now();
    await picked.setFiles(file);
    const item = page
      .getByRole('region', { name: 'Transfers' })
      .getByRole('listitem', { name: key, exact: true });
    // Polled in the page (every 100 ms) so the wait costs the page next to nothing.
    await page
      .waitForFunction(
        (name) => {
          const li = document.querySelector(
            `section[aria-label="Transfers"] li[aria-label="${name}"]`,
          );
          const status = li?.getAttribute('data-status');
          return status === 'done' || status === 'failed';
        },
        key,
        { polling: 100, timeout },
      )
      .catch(async (err: unknown) => {
        // BENCH_SHOT=/path.png: what the page showed when the wait gave up.
        if (process.env.BENCH_SHOT) await page.screenshot({ path: process.env.BENCH_SHOT });
        const panel = await page
          .getByRole('region', { name: 'Transfers' })
          .innerText()
          .catch(() => '');
        throw new Error(`${String(err)}; the panel: ${panel.replace(/\s+/g, ' ')}`);
      });
    const s = seconds(t);
    const cpu1 = chromiumCpuByType();
    const byType = Object.fromEntries(
      Object.entries(cpu1).map(([type, s1]) => [type, s1 - (cpu0[type] ?? 0)]),
    );
    const cpu = Object.values(byType).reduce((a, b) => a + b, 0);
    if (process.env.BENCH_CPU_TYPES) console.log('  Chromium CPU by process type:', byType);
    const status = await item.getAttribute('data-status');
    const text = (await item.innerText()).replace(/\s+/g, ' ');
    if (status !== 'done') throw new Error(`the browser's upload failed: ${text}`);
    // "Multipart · relay: <why>" or "Multipart · direct to the store", up to the row's next part.
    const note =
      /Multipart · (direct to the store|relay[^.·]*)/.exec(text)?.[0] ?? 'no multipart note';
    return { s, note, cpu };
  } finally {
    await context.close();
  }
}

export const browserBigUpload: Bench = {
  name: 'browser-upload',
  adrs: [],
  method:
    'The built SPA served by the built API (STOWAGE_WEB_DIR), one fresh API process, ' +
    "Debian's Chromium via Playwright launched once. Each round: a new browser context opens " +
    "the bucket, sets the panel's Parallel uploads to 4, and chooses a file of random bytes " +
    'with "Upload files"; the transfer panel sends it as the app does for any file above 64 MiB ' +
    '(create, every part a relayed `PUT …/multipart/:id/parts/:n` with its Content-MD5 computed ' +
    "in the page's Web Worker, 4 in flight, complete), timed from the choice until the panel's " +
    'item says Uploaded. The same file goes up directly with `@aws-sdk/lib-storage` from Node ' +
    '(8 MiB parts, queue of 4, no Content-MD5), alternating which goes first; the figure is the ' +
    "median of the per-round throughput ratios. The API's peak RSS is the kernel's high-water " +
    'mark (VmHWM) of that process over every round. Objects are deleted after each round. ' +
    'Also recorded, as a load-independent cost: CPU seconds per GiB of every Chromium process ' +
    '(utime + stime from /proc, with reaped children; BENCH_CPU_TYPES=1 prints them by process ' +
    'type) and of the API process on the browser path, and of the bench process on the direct one.',
  async run({ store, quick, log }) {
    const mib = quick ? 128 : 1024;
    const rounds = quick ? 2 : 5;
    const file = namedFile(mib);
    await ensureBucket(store, BUCKET);
    const api = await startApi(store, { webDir: webDist });
    const b = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: JSON.parse(
        readFileSync(path.join(root, 'scripts/chromium-args.json'), 'utf8'),
      ) as string[],
    });
    const ratios: number[] = [];
    const viaBrowser: number[] = [];
    const direct: number[] = [];
    // CPU seconds per GiB: Chromium (every process) and the API on the browser's path; the
    // bench process on the direct one.
    const cpuBrowser: number[] = [];
    const cpuApi: number[] = [];
    const cpuDirect: number[] = [];
    let peak = 0;
    let note = '';
    try {
      // No object under the key (an interrupted run's): the panel would ask to overwrite it.
      await store.client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: BROWSER_KEY }));
      for (let r = 0; r < rounds; r++) {
        const { api: a, direct: d } = await interleaved(
          r,
          async () => {
            const apiCpu0 = api.cpuSeconds();
            const out = await browserUpload(
              b,
              api.url,
              file,
              BROWSER_KEY,
              quick ? 30_000 : 1_200_000,
            );
            note = out.note;
            cpuBrowser.push((out.cpu * 1024) / mib);
            cpuApi.push(((api.cpuSeconds() - apiCpu0) * 1024) / mib);
            return out.s;
          },
          async () => {
            const t = performance.now();
            const { cpu } = await ownCpu(() =>
              directUpload(store.client, DIRECT_KEY, file, mib * MiB),
            );
            cpuDirect.push((cpu * 1024) / mib);
            return seconds(t);
          },
        );
        const stored = await store.client.send(
          new HeadObjectCommand({ Bucket: BUCKET, Key: BROWSER_KEY }),
        );
        if (stored.ContentLength !== mib * MiB)
          throw new Error(`stored ${String(stored.ContentLength)} bytes, not ${mib * MiB}`);
        peak = api.peakRssMiB();
        viaBrowser.push(mib / a);
        direct.push(mib / d);
        ratios.push(d / a);
        log(
          `  round ${r + 1}: browser ${(mib / a).toFixed(1)} MiB/s, direct ${(mib / d).toFixed(1)} MiB/s, ratio ${(d / a).toFixed(2)}, API peak RSS ${peak.toFixed(0)} MiB; CPU/GiB Chromium ${cpuBrowser.at(-1)?.toFixed(1)} s, API ${cpuApi.at(-1)?.toFixed(1)} s, direct ${cpuDirect.at(-1)?.toFixed(1)} s`,
        );
        for (const Key of [BROWSER_KEY, DIRECT_KEY])
          await store.client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key }));
        store.reclaim();
      }
    } finally {
      await b.close();
      await api.stop();
    }
    const ratio = median(ratios);
    return [
      {
        id: 'browser-upload.ratio',
        figure: `Big upload ${mib} MiB from Chromium (transfer panel, relay, 4 parts in flight) ÷ direct lib-storage`,
        budget: '≥ 0.90',
        value: ratio.toFixed(2),
        met: ratio >= 0.9,
        detail: `median of ${rounds} rounds; browser ${median(viaBrowser).toFixed(1)} MiB/s, direct ${median(direct).toFixed(1)} MiB/s; ratios ${ratios.map((x) => x.toFixed(2)).join(', ')}; the panel said "${note}"; CPU per GiB: Chromium ${median(cpuBrowser).toFixed(1)} s + API ${median(cpuApi).toFixed(1)} s, direct client ${median(cpuDirect).toFixed(1)} s`,
      },
      {
        id: 'browser-upload.rss',
        figure: `API peak RSS during the ${mib} MiB uploads from Chromium`,
        budget: '< 250 MiB',
        value: `${peak.toFixed(0)} MiB`,
        met: peak < 250,
        detail: `VmHWM of the API process (serving the app too) over ${rounds} rounds`,
      },
    ];
  },
};
