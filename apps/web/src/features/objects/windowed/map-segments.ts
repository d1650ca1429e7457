/**
 * The known parts of a folder: each recorded listing makes a segment — the keys from its
 * StartAfter (exclusive) to its last key, exactly counted — and overlapping or touching
 * segments merge. A segment keeps what the estimate needs, not its rows: first, last, count,
 * a key every `spacing` rows (with its rank in the segment).
 */
import { byteOrder } from '@stowage/shared';

export type Segment = {
  /** (lo, first) holds no key; null: first is the folder's first row. */
  lo: string | null;
  first: string;
  last: string;
  count: number;
  /** Keys at known ranks in the segment, first (0) and last (count − 1) included, ascending. */
  qKeys: string[];
  qRanks: number[];
  /** No key after `last` (a listing ended there). */
  end: boolean;
};

/** Quantile keys kept per segment at most (a segment grown by scrolling is thinned). */
const MAX_QUANTILES = 4096;

/** a ≤ b with null as −∞. */
const lowerOrEqual = (a: string | null, b: string | null) =>
  a === null || (b !== null && byteOrder(a, b) <= 0);

/** Whether the interval (lo, last] of a listing overlaps or touches a segment's. */
function touches(lo: string | null, last: string, s: Segment): boolean {
  const loBeforeEnd = lo === null || byteOrder(lo, s.last) <= 0;
  const segBeforeEnd = s.lo === null || byteOrder(s.lo, last) <= 0;
  return loBeforeEnd && segBeforeEnd;
}

/** A listing's keys as a segment, merged with the segments it overlaps or touches (sorted). */
export function mergePage(
  segments: Segment[],
  page: { startAfter: string | null; keys: readonly string[]; truncated: boolean },
  spacing: number,
): Segment[] {
  const keys = page.keys;
  const last = keys[keys.length - 1]!;
  const hit: Segment[] = [];
  const rest: Segment[] = [];
  for (const s of segments) (touches(page.startAfter, last, s) ? hit : rest).push(s);

  const qKeys: string[] = [];
  const qRanks: number[] = [];
  let rank = 0;
  let k = 0;
  const takeKeysUpTo = (bound: string | null) => {
    while (k < keys.length && (bound === null || byteOrder(keys[k]!, bound) <= 0)) {
      if (rank % spacing === 0 || k === keys.length - 1) {
        qKeys.push(keys[k]!);
        qRanks.push(rank);
      }
      rank++;
      k++;
    }
  };
  for (const s of hit) {
    if (s.lo !== null) takeKeysUpTo(s.lo);
    // The page's keys inside the segment's interval are already counted there.
    while (k < keys.length && byteOrder(keys[k]!, s.last) <= 0) k++;
    for (let i = 0; i < s.qKeys.length; i++) {
      qKeys.push(s.qKeys[i]!);
      qRanks.push(rank + s.qRanks[i]!);
    }
    rank += s.count;
  }
  takeKeysUpTo(null);

  const firstHit = hit[0];
  const lastHit = hit[hit.length - 1];
  const pageLow = !firstHit || lowerOrEqual(page.startAfter, firstHit.lo);
  const merged: Segment = {
    lo: pageLow ? page.startAfter : firstHit.lo,
    first: qKeys[0]!,
    last: qKeys[qKeys.length - 1]!,
    count: rank,
    qKeys,
    qRanks,
    end: !page.truncated || (lastHit?.end ?? false),
  };
  thin(merged);
  rest.push(merged);
  return rest.sort((a, b) => byteOrder(a.last, b.last));
}

/** Halves the quantile keys of a segment past MAX_QUANTILES, keeping the first and the last. */
function thin(s: Segment): void {
  while (s.qKeys.length > MAX_QUANTILES) {
    const keys: string[] = [];
    const ranks: number[] = [];
    for (let i = 0; i < s.qKeys.length; i++) {
      if (i % 2 === 0 || i === s.qKeys.length - 1) {
        keys.push(s.qKeys[i]!);
        ranks.push(s.qRanks[i]!);
      }
    }
    s.qKeys = keys;
    s.qRanks = ranks;
  }
}
