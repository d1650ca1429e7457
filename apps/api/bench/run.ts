/**
 * `pnpm bench`: the benchmark suite. Prints figures and rewrites BENCHMARKS.md; asserts nothing.
 *   pnpm bench [-- --store embedded|ceph|both] [--only upload,download,…] [--quick] [--no-save]
 * Each store's latest figures are kept in bench/results.json, so a run on one store keeps
 * the other's column.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { browser } from './browser.js';
import { bundle } from './bundle.js';
import { concurrent } from './concurrent.js';
import { download } from './download.js';
import { head } from './head.js';
import { startStore, type Bench, type Figure, type StoreKind } from './harness.js';
import { listing } from './listing.js';
import { memory } from './memory.js';
import { loadResults, saveResults, writeReport, type StoreRun } from './report.js';
import { upload } from './upload.js';

export const BENCHES: Bench[] = [
  upload,
  download,
  memory,
  concurrent,
  listing,
  head,
  browser,
  bundle,
];

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    store: { type: 'string', default: 'both' },
    only: { type: 'string' },
    quick: { type: 'boolean', default: false },
    /** Print only: leave results.json and BENCHMARKS.md alone (for profiling runs). */
    'no-save': { type: 'boolean', default: false },
  },
});
const stores: StoreKind[] =
  values.store === 'both' ? ['embedded', 'ceph'] : [values.store as StoreKind];
const only = values.only?.split(',');
const selected = BENCHES.filter((b) => !only || only.includes(b.name));
const quick = values.quick ?? false;
const log = (msg: string) => console.log(msg);

let storeIndependentDone = false;
for (const kind of stores) {
  const loadBefore = os.loadavg();
  const started = new Date();
  log(`\n== ${kind} (load ${loadBefore.map((l) => l.toFixed(2)).join(' ')})`);
  const store = await startStore(kind);
  const figures: Figure[] = [];
  try {
    for (const bench of selected) {
      if (bench.storeIndependent && storeIndependentDone) continue;
      log(`- ${bench.name}`);
      const t = performance.now();
      const load0 = os.loadavg()[0] as number;
      const out = await bench.run({ store, quick, log });
      const load = `${load0.toFixed(1)} → ${(os.loadavg()[0] as number).toFixed(1)}`;
      for (const f of out) Object.assign(f, { at: new Date().toISOString().slice(0, 16), load });
      for (const f of out) {
        log(
          `  ${f.met === false ? 'MISSED' : 'ok    '} ${f.figure}: ${f.value} (budget ${f.budget}) ${f.detail}`,
        );
      }
      log(`  (${((performance.now() - t) / 1000).toFixed(0)} s)`);
      figures.push(...out);
    }
    storeIndependentDone = true;
  } finally {
    await store.stop();
  }
  const run: StoreRun = {
    date: started.toISOString(),
    quick,
    storeVersion: store.version,
    loadBefore,
    loadAfter: os.loadavg(),
    figures,
  };
  if (values['no-save']) continue;
  // Read again: a run on the other store may have saved meanwhile.
  const results = loadResults();
  // A partial run (--only) updates its figures and keeps the rest of the store's last run.
  const previous = results.stores[kind];
  if (previous && only) {
    const ids = new Set(figures.map((f) => f.id));
    run.figures = [...previous.figures.filter((f) => !ids.has(f.id)), ...figures];
  }
  results.stores[kind] = run;
  saveResults(results);
}
if (!values['no-save']) {
  writeReport(loadResults(), BENCHES);
  log('\nBENCHMARKS.md rewritten.');
}
