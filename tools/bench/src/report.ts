/**
 * Keeps each store's latest figures (results.json) and writes BENCHMARKS.md from them: the table,
 * the machine, the raw numbers, and per bench its method, its ceiling on this machine (computed
 * from the same run's numbers) and the ADRs of what was found about it. Every figure comes from
 * results.json: the sources hold no run's figures.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root, type Bench, type Figure, type StoreKind } from './harness.js';

export interface StoreRun {
  date: string;
  quick: boolean;
  storeVersion: string;
  loadBefore: number[];
  loadAfter: number[];
  figures: Figure[];
}

export interface Results {
  /** The machine the figures were measured on (as `machine()` describes it at save time). */
  machine?: string[];
  stores: Partial<Record<StoreKind, StoreRun>>;
}

const resultsFile = path.join(root, 'tools/bench/results.json');
const reportFile = path.join(root, 'BENCHMARKS.md');
const adrDir = 'docs/adr';

export function loadResults(): Results {
  if (!existsSync(resultsFile)) return { stores: {} };
  return JSON.parse(readFileSync(resultsFile, 'utf8')) as Results;
}

export function saveResults(results: Results): void {
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
}

/** The machine this process runs on: CPU, memory, OS, Node and Chromium. */
export function machine(): string[] {
  const cpu = os.cpus();
  let osName = `${os.type()} ${os.release()}`;
  try {
    const pretty = /PRETTY_NAME="([^"]+)"/.exec(readFileSync('/etc/os-release', 'utf8'));
    if (pretty?.[1]) osName = `${pretty[1]}, kernel ${os.release()}`;
  } catch {
    // not Linux: keep os.type()
  }
  let chromium = 'not found';
  try {
    chromium = execFileSync('/usr/bin/chromium', ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    // no browser figures then
  }
  return [
    `- CPU: ${cpu[0]?.model ?? 'unknown'}, ${cpu.length} cores; memory ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB`,
    `- OS: ${osName}; Node ${process.version}; ${chromium}`,
  ];
}

const KINDS: StoreKind[] = ['embedded', 'ceph'];
const STORE_LABEL: Record<StoreKind, string> = { embedded: 'embedded s3rver', ceph: 'Ceph RGW' };

const benchOf = (benches: Bench[], id: string) => benches.find((b) => id.startsWith(`${b.name}.`));

/**
 * The figure's ceiling when one was measured and it misses the budget, else undefined. Judged
 * as printed (two decimals): a ceiling of 1.302 against ≤ 1.3 would read "1.30, above 1.3".
 */
function missedCeiling(bench: Bench | undefined, f: Figure | undefined): number | undefined {
  if (!bench?.ceiling || !f) return undefined;
  const bound = bench.ceiling.bound(f);
  if (bound === undefined) return undefined;
  const shown = Number(bound.toFixed(2));
  return bench.ceiling.meets(shown) ? undefined : shown;
}

/** The value and whether it met the budget; the size too when it is not the row's. */
function cell(bench: Bench | undefined, f: Figure | undefined, rowFigure = f?.figure): string {
  if (!f) return '—';
  const size = f.figure !== rowFigure ? /\d[\d,]* (keys|MiB)/.exec(f.figure)?.[0] : undefined;
  const ceiling = f.met === false ? missedCeiling(bench, f) : undefined;
  const mark =
    f.met === null
      ? ''
      : f.met
        ? '✅'
        : `❌ missed${ceiling !== undefined ? ` (ceiling ${ceiling.toFixed(2)})` : ''}`;
  return `${f.value}${size ? ` (${size})` : ''} ${mark}`.trim();
}

/** A markdown link to an ADR, titled by its first line; a missing record stops the report. */
function adrLink(file: string): string {
  const full = path.join(root, adrDir, file);
  if (!existsSync(full)) throw new Error(`BENCHMARKS.md links ${adrDir}/${file}, which is missing`);
  const title = readFileSync(full, 'utf8').split('\n')[0]?.replace(/^#\s*/, '') ?? file;
  return `[${title}](${adrDir}/${file})`;
}

export function writeReport(results: Results, benches: Bench[]): void {
  const runs = KINDS.map((k) => results.stores[k]);
  const byId = (run: StoreRun | undefined, id: string) => run?.figures.find((f) => f.id === id);
  const ids: string[] = [];
  for (const run of runs)
    for (const f of run?.figures ?? []) if (!ids.includes(f.id)) ids.push(f.id);
  const order = (id: string) => benches.findIndex((b) => id.startsWith(`${b.name}.`));
  ids.sort((a, b) => order(a) - order(b));
  /** A store-independent figure is measured on the first store only; another's is stale. */
  const measured = (id: string, i: number) => !(benchOf(benches, id)?.storeIndependent && i > 0);

  /** "<store> <bound>; …", or "<store> p50 <bound>, p95 <bound>; …": the bounds that miss the budget. */
  const missedBounds = (bench: Bench): string | undefined => {
    const own = ids.filter((id) => id.startsWith(`${bench.name}.`));
    const named = own.filter((id) =>
      runs.some((r) => {
        const f = byId(r, id);
        return f !== undefined && bench.ceiling?.bound(f) !== undefined;
      }),
    );
    const perStore = KINDS.flatMap((k, i) => {
      const parts = named.flatMap((id) => {
        const bound = measured(id, i) ? missedCeiling(bench, byId(runs[i], id)) : undefined;
        if (bound === undefined) return [];
        const label = named.length > 1 ? `${id.slice(bench.name.length + 1)} ` : '';
        return [`${label}${bound.toFixed(2)}`];
      });
      return parts.length ? [`${STORE_LABEL[k]} ${parts.join(', ')}`] : [];
    });
    return perStore.length ? perStore.join('; ') : undefined;
  };

  const lines: string[] = [
    '# Benchmarks',
    '',
    'Generated by `pnpm bench` (tools/bench) from tools/bench/results.json: do not edit by hand.',
    'Figures come from scripts that print them, never from timed tests. Each throughput or',
    'latency figure is a **ratio** against the same operation done directly with the AWS SDK in',
    'the same run, interleaved, so it holds on a noisy machine. The API always runs as the',
    '**built** server (`node apps/api/dist/server.js`), its own process. What was found about',
    'each figure, and decided, is in the [ADRs](docs/adr/README.md), dated and with the figures',
    'they were measured with; a **ceiling** below is computed from the numbers of the same run.',
    '',
    '## Results',
    '',
    '| figure | budget | embedded s3rver | Ceph RGW |',
    '| --- | --- | --- | --- |',
    ...ids.map((id) => {
      const bench = benchOf(benches, id);
      const f = byId(runs[0], id) ?? byId(runs[1], id);
      const ceph = bench?.storeIndependent
        ? '(same build)'
        : cell(bench, byId(runs[1], id), f?.figure);
      return `| ${f?.figure ?? id} | ${f?.budget ?? ''} | ${cell(bench, byId(runs[0], id))} | ${ceph} |`;
    }),
    '',
    '## Machine',
    '',
    ...(results.machine ?? machine()),
    ...KINDS.flatMap((k, i) => {
      const r = runs[i];
      if (!r) return [];
      return [
        `- ${k}: ${r.storeVersion}; run ${r.date.slice(0, 16).replace('T', ' ')} UTC${r.quick ? ' (--quick)' : ''} (latest run; sizes are in each figure's name); ` +
          `load average (1/5/15 min) ${r.loadBefore.map((l) => l.toFixed(2)).join(' / ')} before, ` +
          `${r.loadAfter.map((l) => l.toFixed(2)).join(' / ')} after`,
      ];
    }),
    '',
    'The machine is shared with other jobs: the load average (per figure below, 1-minute, before →',
    'after) shows how much. Ratios cancel most of that noise; absolute figures do not.',
    '',
    '## Raw numbers',
    '',
    ...ids.flatMap((id) =>
      KINDS.flatMap((k, i) => {
        const f = byId(runs[i], id);
        if (!f || !measured(id, i)) return [];
        return [
          `- \`${id}\` ${k}: ${f.value}${f.detail ? ` — ${f.detail}` : ''}${f.load ? ` (load ${f.load}, ${f.at} UTC)` : ''}`,
        ];
      }),
    ),
    '',
    '## Method',
    '',
    'Regenerated by',
    `\`pnpm bench [-- --store embedded|ceph|both] [--only ${benches.map((b) => b.name).join(',')}] [--quick]\`;`,
    'a run on one store or of some benches keeps the latest figures of the others.',
    '`pnpm bench:report` rewrites this file from tools/bench/results.json without measuring.',
    '',
    ...benches.flatMap((b) => {
      const bounds = b.ceiling && missedBounds(b);
      return [
        `### ${b.name}`,
        '',
        `**Method.** ${b.method}`,
        '',
        ...(b.ceiling && bounds ? [`**Ceiling here.** ${b.ceiling.says(bounds)}`, ''] : []),
        ...(b.adrs.length ? [`**Found and decided.** ${b.adrs.map(adrLink).join('; ')}`, ''] : []),
      ];
    }),
  ];
  writeFileSync(reportFile, lines.join('\n'));
  try {
    execFileSync(path.join(root, 'node_modules/.bin/prettier'), ['--write', reportFile], {
      stdio: 'ignore',
    });
  } catch {
    // unformatted is still readable
  }
}
