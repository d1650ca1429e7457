/**
 * Rank ↔ key in a folder S3 will not count: recorded listings are exact segments, the stretches
 * between them are estimated from the span law of their neighbours (span-model.ts) in byte
 * coordinates local to each stretch (key-coordinates.ts). See docs/adr/0014.
 */
import { byteOrder } from '@stowage/shared';
import { interpolateKey, keyAfterAll, keyBytes, log2Span } from './key-coordinates';
import { mergePage, type Segment } from './map-segments';
import { beta, log2Count, type SpanFit } from './span-model';

/** A listing page as the map needs it: the row names (full keys of objects and of subfolder
 *  prefixes, merged in byte order, marker keys excluded by the caller), after `startAfter`
 *  (null: from the folder's start), and whether the listing went on after them. */
export type MapPage = { startAfter: string | null; keys: readonly string[]; truncated: boolean };

/** Segments kept at most: past it the smallest inner one is forgotten (its stretch estimated). */
export const MAX_SEGMENTS = 2000;
/** Quantile keys a segment keeps per page of rows. */
const QUANTILES_PER_PAGE = 32;
/** No stretch is estimated above this many rows (the top before the end is found). */
const MAX_ESTIMATE = 1e12;

/** An unknown stretch (x, y]: x null is the folder's start; `side` says which end is known. */
type Gap = {
  x: string | null;
  y: string;
  count: number;
  beta: number;
  side: 'both' | 'up' | 'down';
  base: number;
};

export class PositionMap {
  private readonly prefix: string;
  private readonly pageSize: number;
  private segments: Segment[] = [];
  /** No key after this (an empty, complete listing from it). */
  private endKey: string | null = null;
  private emptyFolder = false;
  /** Derived by refresh(): the rank of each segment's first row, the gap before each segment
   *  (index i) and after the last (index segments.length). */
  private bases: number[] = [];
  private gaps: (Gap | null)[] = [];
  private totalRows = 0;

  constructor(prefix: string, options?: { pageSize?: number }) {
    this.prefix = prefix;
    this.pageSize = options?.pageSize ?? 1000;
  }

  addPage(page: MapPage): void {
    if (page.keys.length === 0) {
      if (page.truncated) return;
      if (page.startAfter === null) this.emptyFolder = true;
      else if (this.endKey === null || byteOrder(page.startAfter, this.endKey) < 0)
        this.endKey = page.startAfter;
    } else {
      const spacing = Math.max(1, Math.floor(this.pageSize / QUANTILES_PER_PAGE));
      this.segments = mergePage(this.segments, page, spacing);
      if (this.segments.length > MAX_SEGMENTS) this.forgetOne();
    }
    this.refresh();
  }

  total(): number {
    return this.totalRows;
  }

  exact(): boolean {
    if (this.emptyFolder) return true;
    return this.segments.length > 0 && this.gaps.every((g) => g === null);
  }

  rankOf(key: string): number {
    const n = this.segments.length;
    if (n === 0) return 0;
    const i = this.segmentAtOrAfter(key);
    const s = this.segments[i];
    if (s && (s.lo === null || byteOrder(key, s.lo) > 0)) return this.bases[i]! + inSegment(s, key);
    const g = this.gaps[i];
    if (!g) return s ? this.bases[i]! : this.totalRows;
    const kb = keyBytes(key);
    const xb = keyBytes(g.x ?? this.prefix);
    const t = Math.min(1, 2 ** (log2Span(xb, kb) - log2Span(xb, keyBytes(g.y))));
    return g.base + Math.round(fractionOf(g, t) * g.count);
  }

  locate(rank: number): { startAfter: string | null; rank: number; exact: boolean } {
    const r = Math.max(0, Math.min(Math.floor(rank), this.totalRows - 1));
    if (this.segments.length === 0 || this.totalRows === 0)
      return { startAfter: null, rank: 0, exact: this.exact() };
    let i = this.segments.length - 1;
    while (i > 0 && this.bases[i]! > r) i--;
    const s = this.segments[i]!;
    const base = this.bases[i]!;
    if (r >= base && r < base + s.count) {
      if (r === base) return { startAfter: s.lo, rank: base, exact: true };
      let j = s.qRanks.length - 1;
      while (j > 0 && s.qRanks[j]! > r - base - 1) j--;
      return { startAfter: s.qKeys[j]!, rank: base + s.qRanks[j]! + 1, exact: true };
    }
    const g = r < base ? this.gaps[i]! : this.gaps[i + 1]!;
    const t = inverseFraction(g, Math.min(1, Math.max(0, (r - g.base) / Math.max(1, g.count))));
    const key = interpolateKey(g.x ?? this.prefix, g.y, t);
    return { startAfter: key === this.prefix ? null : key, rank: r, exact: false };
  }

  nextProbes(n: number): (string | null)[] {
    if (this.segments.length === 0 && !this.emptyFolder) return n > 0 ? [null] : [];
    const out: (string | null)[] = [];
    const seen = new Set<string | null>();
    const add = (s: string | null) => {
      if (out.length < n && !seen.has(s) && this.worthListing(s)) out.push(s);
      seen.add(s);
    };
    const top = this.gaps[this.segments.length];
    if (top && this.endKey === null) add(this.segments[this.segments.length - 1]!.last);
    // Probes are shared out by estimated rows: a stretch with k probes scores count / (k + 1).
    const open = this.gaps.filter((g): g is Gap => g !== null);
    const given = open.map(() => 0);
    for (let p = out.length; p < n; p++) {
      let best = -1;
      let bestScore = -1;
      open.forEach((g, gi) => {
        const small = g.count < this.pageSize;
        const score = small ? (given[gi] === 0 ? g.count : -1) : g.count / (given[gi]! + 1);
        if (score > bestScore) [best, bestScore] = [gi, score];
      });
      if (best < 0) break;
      given[best]!++;
    }
    open.forEach((g, gi) => {
      const k = given[gi]!;
      if (k === 0) return;
      if (g.count < this.pageSize) return add(g.x);
      for (let j = 1; j <= k; j++) {
        const key = interpolateKey(g.x ?? this.prefix, g.y, inverseFraction(g, j / (k + 1)));
        add(key === this.prefix ? null : key);
      }
    });
    return out;
  }

  countBetween(a: string, b: string): number {
    return Math.max(0, this.rankOf(`${b}\u0000`) - this.rankOf(a));
  }

  /** Whether listing from `s` would show anything not recorded yet. */
  private worthListing(s: string | null): boolean {
    if (s !== null && this.endKey !== null && byteOrder(s, this.endKey) >= 0) return false;
    for (const seg of this.segments) {
      const fromLo = seg.lo === null ? true : s !== null && byteOrder(seg.lo, s) <= 0;
      if (fromLo && (s === null || byteOrder(s, seg.last) < 0)) return false;
    }
    return true;
  }

  /** The index of the first segment whose last key is ≥ key (segments.length if none). */
  private segmentAtOrAfter(key: string): number {
    let lo = 0;
    let hi = this.segments.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byteOrder(this.segments[mid]!.last, key) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private forgetOne(): void {
    let smallest = 1;
    for (let i = 2; i < this.segments.length - 1; i++)
      if (this.segments[i]!.count < this.segments[smallest]!.count) smallest = i;
    this.segments.splice(smallest, 1);
  }

  /** Recomputes the gaps' estimates and the ranks (after every page). */
  private refresh(): void {
    const segs = this.segments;
    const fallback = meanFit(segs);
    this.gaps = [];
    this.bases = [];
    let rank = 0;
    for (let i = 0; i <= segs.length; i++) {
      const before = segs[i - 1];
      const after = segs[i];
      let g: Gap | null = null;
      if (after && after.lo !== null) {
        const fits = [before?.fitHi, after.fitLo].filter((f): f is SpanFit => !!f);
        g = this.gap(before?.last ?? null, after.lo, fits, before ? 'both' : 'down', fallback);
      } else if (!after && before && !before.end) {
        const y = this.endKey ?? keyAfterAll(this.prefix);
        if (byteOrder(y, before.last) > 0)
          g = this.gap(before.last, y, before.fitHi ? [before.fitHi] : [], 'up', fallback);
      }
      if (g) {
        g.base = rank;
        rank += g.count;
      }
      this.gaps.push(g);
      if (after) {
        this.bases.push(rank);
        rank += after.count;
      }
    }
    this.totalRows = rank;
  }

  private gap(
    x: string | null,
    y: string,
    fits: SpanFit[],
    side: Gap['side'],
    fallback: SpanFit | null,
  ): Gap {
    const used = fits.length > 0 ? fits : fallback ? [fallback] : [];
    const logS = log2Span(keyBytes(x ?? this.prefix), keyBytes(y));
    const estimate = 2 ** log2Count(logS, used);
    const count = Math.round(Math.min(MAX_ESTIMATE, Number.isFinite(estimate) ? estimate : 0));
    return { x, y, count, beta: beta(used), side, base: 0 };
  }
}

/** The rank of the first row ≥ key in a segment whose interval holds key. */
function inSegment(s: Segment, key: string): number {
  let lo = 0;
  let hi = s.qKeys.length - 1;
  if (byteOrder(key, s.qKeys[0]!) <= 0) return 0;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (byteOrder(s.qKeys[mid]!, key) < 0) lo = mid;
    else hi = mid;
  }
  const a = keyBytes(s.qKeys[lo]!);
  const f = Math.min(1, 2 ** (log2Span(a, keyBytes(key)) - log2Span(a, keyBytes(s.qKeys[hi]!))));
  const between = s.qRanks[hi]! - s.qRanks[lo]! - 1;
  return s.qRanks[lo]! + 1 + Math.round(f * between);
}

/** The share of a gap's rows below the point at fraction t of its span. */
function fractionOf(g: Gap, t: number): number {
  const b = g.beta;
  if (g.side === 'up') return t ** b;
  if (g.side === 'down') return 1 - (1 - t) ** b;
  return t ** b / (t ** b + (1 - t) ** b);
}

/** The fraction of a gap's span below which a share f of its rows lies (fractionOf⁻¹). */
function inverseFraction(g: Gap, f: number): number {
  const e = 1 / g.beta;
  if (g.side === 'up') return f ** e;
  if (g.side === 'down') return 1 - (1 - f) ** e;
  return f ** e / (f ** e + (1 - f) ** e);
}

function meanFit(segs: Segment[]): SpanFit | null {
  const fits = segs.flatMap((s) => [s.fitLo, s.fitHi]).filter((f): f is SpanFit => !!f);
  if (fits.length === 0) return null;
  const n = fits.length;
  return {
    logC: fits.reduce((s, f) => s + f.logC, 0) / n,
    alpha: fits.reduce((s, f) => s + f.alpha, 0) / n,
  };
}
