/**
 * Probe planning for the position map (position-map.ts): which StartAfter values to list next,
 * either spread where the estimates are least sure (nextProbes) or reading on from what is
 * known until the map is exact (walkProbes). See docs/adr/0014-windowed-listing-positions.md.
 */
import { byteOrder } from '@stowage/shared';
import { interpolateKey, keyBytes, log2Span } from './key-coordinates';
import { rampInverse, type Gap } from './gap-estimate';
import type { Segment } from './map-segments';

/** Probes spread over the byte space above the last row known while the end is not found. */
const END_PROBES = 3;
/** The share of a round's probes that halve the widest stretches of raw bytes. */
const EXPLORE_SHARE = 1 / 3;

/** What probe planning reads of a position map. */
export type ProbeView = {
  readonly prefix: string;
  readonly pageSize: number;
  /** The recorded segments, in key order. */
  readonly segments: readonly Segment[];
  /** The gap before each segment (index i) and after the last (index segments.length). */
  readonly gaps: readonly (Gap | null)[];
  /** No key after this (an empty, complete listing from it). */
  readonly endKey: string | null;
  readonly emptyFolder: boolean;
  /** A StartAfter at model fraction t of a gap (null: the folder's start). */
  keyIn(g: Gap, t: number): string | null;
};

/** Up to n StartAfter values whose listings teach the map the most. */
export function nextProbes(map: ProbeView, n: number): (string | null)[] {
  if (map.segments.length === 0 && !map.emptyFolder) return n > 0 ? [null] : [];
  const out: (string | null)[] = [];
  const seen = new Set<string | null>();
  const add = (s: string | null) => {
    if (out.length < n && !seen.has(s) && worthListing(map, s)) out.push(s);
    seen.add(s);
  };
  const top = map.gaps[map.segments.length];
  if (top && map.endKey === null) {
    // The end first: the listing after the last row known, and the middle of the byte space
    // above it (the model gives no width to bytes it has not seen, so halve bytes instead).
    const last = map.segments[map.segments.length - 1]!.last;
    add(last);
    for (let j = 1; j <= END_PROBES; j++) add(interpolateKey(last, top.y, j / (END_PROBES + 1)));
  }
  // Exploration: estimates cannot see a family of names no listing has touched yet (a whole
  // month of logs between two words), so some probes halve the widest stretches of raw bytes.
  const widest = map.gaps
    .filter((g): g is Gap => g !== null && g.count >= map.pageSize && g !== top)
    .map((g) => ({ g, w: log2Span(keyBytes(g.x ?? map.prefix), keyBytes(g.y)) }))
    .sort((a, b) => b.w - a.w);
  const explore = Math.min(widest.length, Math.ceil((n - out.length) * EXPLORE_SHARE));
  for (let j = 0; j < explore; j++) {
    const { g } = widest[j]!;
    add(interpolateKey(g.x ?? map.prefix, g.y, 0.5));
  }
  // Probes are shared out by estimated rows: a stretch with k probes scores count / (k + 1);
  // a stretch smaller than a page gets one listing from its start, which reads all of it.
  const open = map.gaps.filter((g): g is Gap => g !== null);
  const given = open.map(() => 0);
  for (let p = out.length; p < n; p++) {
    let best = -1;
    let bestScore = -1;
    open.forEach((g, gi) => {
      const small = g.count < map.pageSize;
      const score = small ? (given[gi] === 0 ? g.count : -1) : g.count / (given[gi]! + 1);
      if (score > bestScore) [best, bestScore] = [gi, score];
    });
    if (best < 0) break;
    given[best]!++;
  }
  open.forEach((g, gi) => {
    const k = given[gi]!;
    if (k === 0) return;
    if (g.count < map.pageSize) return add(g.x);
    for (let j = 1; j <= k; j++) add(map.keyIn(g, rampInverse(g, j / (k + 1))));
  });
  return out;
}

/**
 * Up to n StartAfter values that read on from what is known (the last row of the segment
 * before each of the n stretches with the most estimated rows): listing them extends those
 * segments by a page, so repeating it makes the map exact, a page at a time, whatever the
 * names look like. [] once exact.
 */
export function walkProbes(map: ProbeView, n: number): (string | null)[] {
  if (map.segments.length === 0 && !map.emptyFolder) return n > 0 ? [null] : [];
  return map.gaps
    .filter((g): g is Gap => g !== null)
    .sort((a, b) => b.count - a.count)
    .slice(0, n)
    .map((g) => g.x);
}

/** Whether listing from `s` would show anything not recorded yet. */
function worthListing(map: ProbeView, s: string | null): boolean {
  if (s !== null && map.endKey !== null && byteOrder(s, map.endKey) >= 0) return false;
  for (const seg of map.segments) {
    const fromLo = seg.lo === null ? true : s !== null && byteOrder(seg.lo, s) <= 0;
    if (fromLo && (s === null || byteOrder(s, seg.last) < 0)) return false;
  }
  return true;
}
