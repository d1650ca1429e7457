import { describe, expect, it } from 'vitest';
import { PositionMap } from './position-map';
import { FOLDER_1M, keyAt1m } from './test-support/bench-keys';
import { MemoryLister } from './test-support/lister';

/** Whether s has NUL or another control character (below U+0020). */
const hasControl = (s: string) => [...s].some((c) => c.charCodeAt(0) < 0x20);

/** The bench's 20 positions (tools/bench/src/browser-1m.ts POSITIONS) without the wheel turns. */
const POSITIONS: (number | string)[] = [
  0.1,
  'amber-',
  0.45,
  0.9,
  'log-2026-02-1',
  0.25,
  'img_0012',
  0.6,
  'zephyr-',
  0.05,
  0.8,
  'Q4_Report_',
  0.35,
  0.99,
];
const PROBES = 32;

/**
 * The estimator against the bench's real 1,000,000 names (issue 24, goal 1): the first page, 32
 * probes 6 at a time, then 70 % and the bench's positions, each adding its page as the UI does.
 * NOT MET yet (worst ≈ 30 % off, docs/adr/0014): run with STOWAGE_ESTIMATOR_ACCURACY=1.
 */
describe.skipIf(!process.env.STOWAGE_ESTIMATOR_ACCURACY)('PositionMap on the bench folder', () => {
  it('lands within ±3 % at 70 % and at the bench positions after 32 probes', () => {
    const lister = new MemoryLister(Array.from({ length: 1_000_000 }, (_, i) => keyAt1m(i)));
    const n = lister.keys.length;
    const map = new PositionMap(FOLDER_1M);
    map.addPage(lister.list(null));
    let probes = 0;
    while (probes < PROBES) {
      const next = map.nextProbes(Math.min(6, PROBES - probes));
      if (next.length === 0) break;
      for (const s of next) {
        expect(s === null || !hasControl(s)).toBe(true);
        map.addPage(lister.list(s));
      }
      probes += next.length;
    }
    const errors: string[] = [];
    for (const p of [0.7, ...POSITIONS]) {
      let shown: number;
      let want: number;
      if (typeof p === 'number') {
        const page = lister.list(map.locate(p * map.total()).startAfter);
        shown = page.keys[0] === undefined ? 1 : lister.rankOf(page.keys[0]) / n;
        want = p;
        map.addPage(page);
      } else {
        // "Go to name" lists from the typed name; the scrollbar shows its estimated rank.
        const key = FOLDER_1M + p;
        shown = map.rankOf(key) / map.total();
        want = lister.rankOf(key) / n;
        map.addPage(lister.list(lister.keys[lister.rankOf(key) - 1] ?? null));
      }
      if (Math.abs(shown - want) > 0.03)
        errors.push(`${p}: ${shown.toFixed(3)} for ${want.toFixed(3)}`);
    }
    expect(errors).toEqual([]);
  }, 120_000);
});
