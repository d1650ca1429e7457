/**
 * How many rows an unknown stretch holds, from the listings on either side of it. A listing's
 * keys show a span law: the model distance of L consecutive rows grows as L^alpha (alpha 1 where
 * names fill the folder's alphabet evenly, up to 4 inside a cluster such as timestamps crowding
 * at one instant). Carried across the stretch, each side's law gives a count.
 */
import { keyBytes } from './key-coordinates';
import type { KeyModel } from './key-model';
import type { Segment } from './map-segments';

/** Key pairs measured per lag for a span law. */
const PAIRS_PER_LAG = 6;

/**
 * An unknown stretch (x, y]: x null is the folder's start. Its rows are estimated from the
 * span laws of its neighbours; inside it rows ∝ span^beta from the known side(s).
 */
export type Gap = {
  x: string | null;
  y: string;
  count: number;
  beta: number;
  side: 'both' | 'up' | 'down';
  base: number;
};
/** A segment end's span law: log2(span of L rows) ≈ logSpan + alpha · log2(L / 2^logRows). */
export type Law = { logRows: number; logSpan: number; alpha: number };

/**
 * The span law at a segment's start or end, from its keys within about a page of rows there:
 * log2(span of L rows) ≈ logSpan + alpha · log2(L / rows). alpha is 1 where names fill the
 * model evenly and grows inside a cluster (timestamps crowding at one instant: ≈ 3).
 */
export function spanLaw(model: KeyModel, s: Segment, atEnd: boolean, pageSize: number): Law | null {
  const { qKeys, qRanks, count } = s;
  let j0 = 0;
  let j1 = qKeys.length - 1;
  if (atEnd) while (j0 < j1 && qRanks[j0 + 1]! <= count - 1 - pageSize) j0++;
  else while (j1 > j0 && qRanks[j1 - 1]! >= Math.min(count - 1, pageSize)) j1--;
  const bytes = qKeys.slice(j0, j1 + 1).map(keyBytes);
  const rows = qRanks[j1]! - qRanks[j0]!;
  const logSpan = model.log2Span(bytes[0]!, bytes[bytes.length - 1]!);
  if (rows <= 0 || !Number.isFinite(logSpan)) return null;
  // Not from the listing's StartAfter: the empty stretch before a page is no sample of the
  // density (a probe lands anywhere in the space between two families of names).
  const xs: number[] = [];
  const ys: number[] = [];
  for (let k = 1; k < bytes.length - 1; k *= 2) {
    const step = Math.max(k, Math.floor((bytes.length - k) / PAIRS_PER_LAG));
    for (let i = 0; i + k < bytes.length; i += step) {
      const span = model.log2Span(bytes[i]!, bytes[i + k]!);
      if (!Number.isFinite(span)) continue;
      xs.push(Math.log2(qRanks[j0 + i + k]! - qRanks[j0 + i]!));
      ys.push(span);
    }
  }
  xs.push(Math.log2(rows));
  ys.push(logSpan);
  return { logRows: Math.log2(rows), logSpan, alpha: slope(xs, ys) };
}

/** The slope of the least-squares line through the points, kept within [1, 4]. */
function slope(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((t, v) => t + v, 0) / n;
  const my = ys.reduce((t, v) => t + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
  }
  return sxx > 0 ? Math.min(4, Math.max(1, sxy / sxx)) : 1;
}

/** The share of a gap's rows below the point at fraction t of its span (count ∝ span^β). */
export function rampShare(g: Gap, t: number): number {
  const b = g.beta;
  if (g.side === 'up') return t ** b;
  if (g.side === 'down') return 1 - (1 - t) ** b;
  return t ** b / (t ** b + (1 - t) ** b);
}

/** The fraction of a gap's span below which a share f of its rows lies (rampShare⁻¹). */
export function rampInverse(g: Gap, f: number): number {
  const e = 1 / g.beta;
  if (g.side === 'up') return f ** e;
  if (g.side === 'down') return 1 - (1 - f) ** e;
  return f ** e / (f ** e + (1 - f) ** e);
}
