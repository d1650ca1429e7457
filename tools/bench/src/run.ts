/**
 * `pnpm bench`: the benchmark suite. Prints figures and rewrites BENCHMARKS.md; asserts nothing.
 *   pnpm bench [-- --store embedded|ceph|both] [--only upload,download,…] [--quick] [--no-save]
 *   pnpm bench:report (= --report-only): rewrites BENCHMARKS.md from results.json, measures nothing.
 * Each store's latest figures are kept in tools/bench/results.json, so a run on one store keeps
 * the other's column.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { BENCHES } from './benches.js';
import { startStore, type Bench, type Figure, type StoreKind } from './harness.js';
import { loadResults, machine, saveResults, writeReport, type StoreRun } from './report.js';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    store: { type: 'string', default: 'both' },
    only: { type: 'string' },
    quick: { type: 'boolean', default: false },
    /** Print only: leave results.json and BENCHMARKS.md alone (for profiling runs). */
    'no-save': { type: 'boolean', default: false },
    /** Measure nothing: rewrite BENCHMARKS.md from results.json (after a change to the report). */
    'report-only': { type: 'boolean', default: false },
  },
});
if (values['report-only']) {
  writeReport(loadResults(), BENCHES);
  console.log('BENCHMARKS.md rewritten from results.json.');
  process.exit(0);
}
const stores: StoreKind[] =
  values.store === 'both' ? ['embedded', 'ceph'] : [values.store as StoreKind];
const only = values.only?.split(',');
const selected = BENCHES.filter((b) => !only || only.includes(b.name));
const quick = values.quick ?? false;
const log = (msg: string) => console.log(msg);

let storeIndependentDone = false;
/**
 * Merges one benchmark's figures into the store's saved results (replacing that benchmark's
 * previous figures, keeping the others) and rewrites BENCHMARKS.md: an interrupted run keeps
 * what it measured.
 */
function save(kind: StoreKind, bench: Bench, figures: Figure[], run: Omit<StoreRun, 'figures'>) {
  if (values['no-save']) return;
  // Read again: a run on the other store may have saved meanwhile.
  const results = loadResults();
  const previous = results.stores[kind]?.figures ?? [];
  const kept = previous.filter((f) => !f.id.startsWith(`${bench.name}.`));
  results.machine = machine();
  results.stores[kind] = { ...run, loadAfter: os.loadavg(), figures: [...kept, ...figures] };
  saveResults(results);
  writeReport(results, BENCHES);
}

for (const kind of stores) {
  const loadBefore = os.loadavg();
  const started = new Date();
  log(`\n== ${kind} (load ${loadBefore.map((l) => l.toFixed(2)).join(' ')})`);
  const store = await startStore(kind);
  const run = {
    date: started.toISOString(),
    quick,
    storeVersion: store.version,
    loadBefore,
    loadAfter: loadBefore,
  };
  try {
    for (const bench of selected) {
      if (bench.storeIndependent && storeIndependentDone) continue;
      log(`- ${bench.name}`);
      const t = performance.now();
      const load0 = os.loadavg()[0] as number;
      const out = await bench.run({ store, quick, log }).catch((err: unknown): Figure[] => [
        {
          id: `${bench.name}.failed`,
          figure: `${bench.name}: the benchmark failed`,
          budget: 'runs',
          value: 'failed',
          met: false,
          detail: err instanceof Error ? err.message : String(err),
        },
      ]);
      const load = `${load0.toFixed(1)} → ${(os.loadavg()[0] as number).toFixed(1)}`;
      for (const f of out) Object.assign(f, { at: new Date().toISOString().slice(0, 16), load });
      for (const f of out) {
        log(
          `  ${f.met === false ? 'MISSED' : 'ok    '} ${f.figure}: ${f.value} (budget ${f.budget}) ${f.detail}`,
        );
        const ceiling = bench.ceiling?.bound(f);
        if (ceiling !== undefined) {
          const misses = !bench.ceiling?.meets(Number(ceiling.toFixed(2)));
          log(`         ceiling here ${ceiling.toFixed(2)}${misses ? ', out of the budget' : ''}`);
        }
      }
      log(`  (${((performance.now() - t) / 1000).toFixed(0)} s)`);
      save(kind, bench, out, run);
    }
    storeIndependentDone = true;
  } finally {
    await store.stop();
  }
}
if (!values['no-save']) log('\nBENCHMARKS.md rewritten.');
