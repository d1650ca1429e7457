/**
 * Rank ↔ key in a folder S3 will not count: recorded listings are exact segments; the stretch
 * between two segments is estimated from the span laws of its neighbours (gap-estimate.ts) in
 * the folder's own alphabet (key-model.ts). See docs/adr/0014-windowed-listing-positions.md.
 */
import { byteOrder } from '@stowage/shared';
import { interpolateKey, keyAfterAll, keyBytes, roundDownToString } from './key-coordinates';
import { KeyModel } from './key-model';
import { rampInverse, rampShare, spanLaw, type Gap, type Law } from './gap-estimate';
import { mergePage, type Segment } from './map-segments';
import { nextProbes, walkProbes, type ProbeView } from './probe-plan';

/** A listing page as the map needs it: the row names (full keys of objects and of subfolder
 *  prefixes, merged in byte order, marker keys excluded by the caller), after `startAfter`
 *  (null: from the folder's start), and whether the listing went on after them. */
export type MapPage = { startAfter: string | null; keys: readonly string[]; truncated: boolean };

/** Segments kept at most: past it the smallest inner one is forgotten (its stretch estimated). */
export const MAX_SEGMENTS = 2000;
/** Quantile keys a segment keeps per page of rows. */
const QUANTILES_PER_PAGE = 32;
/** A page teaches the model one key in this many. */
const OBSERVE_EVERY = 8;
/** Stretches re-estimated per page when the alphabets have changed since their estimate. */
const REDO_PER_PAGE = 8;
/** No stretch is estimated above this many times the rows known (a blow-up stays bounded). */
const MAX_GAP_PER_KNOWN_ROW = 30;
/** No stretch is estimated above this many rows (the top before the end is found). */
const MAX_ESTIMATE = 1e12;

export class PositionMap {
  private readonly prefix: string;
  private readonly pageSize: number;
  private readonly model: KeyModel;
  private segments: Segment[] = [];
  /** No key after this (an empty, complete listing from it). */
  private endKey: string | null = null;
  private emptyFolder = false;
  /** Derived by refresh(): the rank of each segment's first row, the gap before each segment
   *  (index i) and after the last (index segments.length). */
  private bases: number[] = [];
  private gaps: (Gap | null)[] = [];
  private totalRows = 0;
  private cache = new Map<string, Gap & { version: number }>();
  private redoBudget = 0;
  private cap = MAX_ESTIMATE;

  constructor(prefix: string, options?: { pageSize?: number }) {
    this.prefix = prefix;
    this.pageSize = options?.pageSize ?? 1000;
    this.model = new KeyModel(keyBytes(prefix).length);
  }

  addPage(page: MapPage): void {
    if (page.keys.length === 0) {
      if (page.truncated) return;
      if (page.startAfter === null) this.emptyFolder = true;
      else if (this.endKey === null || byteOrder(page.startAfter, this.endKey) < 0)
        this.endKey = page.startAfter;
    } else {
      // The alphabets learn from a sample of the page (a key in OBSERVE_EVERY, and the last).
      const keys = page.keys;
      for (let i = 0; i < keys.length; i += OBSERVE_EVERY) this.model.observe(keyBytes(keys[i]!));
      this.model.observe(keyBytes(keys[keys.length - 1]!));
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
    if (s && (s.lo === null || byteOrder(key, s.lo) > 0))
      return this.bases[i]! + this.inSegment(s, key);
    const g = this.gaps[i];
    if (!g) return s ? this.bases[i]! : this.totalRows;
    const xb = keyBytes(g.x ?? this.prefix);
    const t = this.fraction(xb, keyBytes(key), keyBytes(g.y));
    return g.base + Math.round(rampShare(g, t) * g.count);
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
    const f = Math.min(1, Math.max(0, (r - g.base) / Math.max(1, g.count)));
    return { startAfter: this.keyIn(g, rampInverse(g, f)), rank: r, exact: false };
  }

  /** Up to n StartAfter values whose listings teach the map the most (probe-plan.ts). */
  nextProbes(n: number): (string | null)[] {
    return nextProbes(this.probeView(), n);
  }

  /**
   * Up to n StartAfter values that read on from what is known, a page at a time, until the map
   * is exact (probe-plan.ts). [] once exact.
   */
  walkProbes(n: number): (string | null)[] {
    return walkProbes(this.probeView(), n);
  }

  countBetween(a: string, b: string): number {
    return Math.max(0, this.rankOf(`${b}\u0000`) - this.rankOf(a));
  }

  /** A StartAfter at model fraction t of a gap (null: the folder's start). */
  private keyIn(g: Gap, t: number): string | null {
    const x = g.x ?? this.prefix;
    const xb = keyBytes(x);
    const at = this.model.bytesAt(xb, keyBytes(g.y), t);
    // No NUL or control byte from where the probe leaves x (S3 keys cannot hold NUL).
    let from = 0;
    while (at && from < at.length && at[from] === xb[from]) from++;
    let key = at ? roundDownToString(at, from) : x;
    if (byteOrder(key, x) <= 0 && t > 0) key = interpolateKey(x, g.y, t);
    if (byteOrder(key, g.y) > 0) key = g.y;
    return key === this.prefix ? null : key;
  }

  /** Where k lies between a and b (0…1) in the model. */
  private fraction(a: Uint8Array, k: Uint8Array, b: Uint8Array): number {
    const t = 2 ** (this.model.log2Span(a, k) - this.model.log2Span(a, b));
    return Number.isFinite(t) ? Math.min(1, t) : 0;
  }

  /** What probe planning reads of the map. */
  private probeView(): ProbeView {
    return {
      prefix: this.prefix,
      pageSize: this.pageSize,
      segments: this.segments,
      gaps: this.gaps,
      endKey: this.endKey,
      emptyFolder: this.emptyFolder,
      keyIn: (g, t) => this.keyIn(g, t),
    };
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

  /** The rank of the first row ≥ key in a segment whose interval holds key. */
  private inSegment(s: Segment, key: string): number {
    let lo = 0;
    let hi = s.qKeys.length - 1;
    if (byteOrder(key, s.qKeys[0]!) <= 0) return 0;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (byteOrder(s.qKeys[mid]!, key) < 0) lo = mid;
      else hi = mid;
    }
    const f = this.fraction(keyBytes(s.qKeys[lo]!), keyBytes(key), keyBytes(s.qKeys[hi]!));
    return s.qRanks[lo]! + 1 + Math.round(f * (s.qRanks[hi]! - s.qRanks[lo]! - 1));
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
    // Estimates made under older alphabets are redone a few per page (bounded work per page).
    this.redoBudget = REDO_PER_PAGE;
    const fresh = new Map<string, Gap & { version: number }>();
    const known = segs.reduce((t, seg) => t + seg.count, 0);
    this.cap = Math.max(this.pageSize, known) * MAX_GAP_PER_KNOWN_ROW;
    this.gaps = [];
    this.bases = [];
    let rank = 0;
    for (let i = 0; i <= segs.length; i++) {
      const before = segs[i - 1];
      const after = segs[i];
      let g: Gap | null = null;
      if (after && after.lo !== null) g = this.gap(before ?? null, after.lo, after, fresh);
      else if (!after && before && !before.end) {
        const y = this.endKey ?? keyAfterAll(this.prefix);
        if (byteOrder(y, before.last) > 0) g = this.gap(before, y, null, fresh);
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
    this.cache = fresh;
    this.totalRows = rank;
  }

  private gap(
    before: Segment | null,
    y: string,
    after: Segment | null,
    fresh: Map<string, Gap & { version: number }>,
  ): Gap {
    const x = before?.last ?? null;
    const id = `${x}\u0001${y}\u0001${before?.count}\u0001${after?.count}`;
    let g = this.cache.get(id);
    const stale = g !== undefined && g.version !== this.model.version && this.redoBudget-- > 0;
    if (!g || stale) {
      const left = before ? spanLaw(this.model, before, true, this.pageSize) : null;
      const right = after ? spanLaw(this.model, after, false, this.pageSize) : null;
      const laws = [left, right].filter((l): l is Law => l !== null);
      const span = this.model.log2Span(keyBytes(x ?? this.prefix), keyBytes(y));
      // Each side's law carried across the stretch.
      const sides = laws.map((l) => l.logRows + (span - l.logSpan) / l.alpha);
      // The two sides meet in their geometric mean; an underestimate (a family of names no
      // listing has touched) is corrected by the probes that halve the widest stretches.
      const log2Rows = sides.reduce((t, v) => t + v, 0) / sides.length;
      const estimate = laws.length ? Math.min(2 ** log2Rows, this.cap) : 0;
      const count = Math.round(Math.min(MAX_ESTIMATE, Number.isFinite(estimate) ? estimate : 0));
      const beta = laws.length ? laws.reduce((t, l) => t + 1 / l.alpha, 0) / laws.length : 1;
      const side = left && right ? 'both' : left ? 'up' : right ? 'down' : 'both';
      g = { x, y, count, beta, side, base: 0, version: this.model.version };
    }
    fresh.set(id, g);
    return { ...g };
  }
}
