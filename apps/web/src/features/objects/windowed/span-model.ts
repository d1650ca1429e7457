/**
 * How many keys a stretch of key space holds, judged from a page that was listed next to it.
 * Byte space is not filled evenly at any scale: digits take 10 of 256 byte values at every
 * position, so 1,000 keys of `img_0012…` span 256/10 times less per key than 100,000 do. A page
 * shows that law over its own lags: log2(span of L consecutive keys) ≈ c + α·log2 L (α = 1 for
 * random bytes, ≈ 2.4 for decimal digits). A stretch of span S then holds ≈ (S / 2^c)^(1/α)
 * keys, which carries a page's density across scales where a constant density cannot.
 */
import { log2Span } from './key-coordinates';

/** log2(span of L consecutive keys) ≈ logC + alpha · log2(L). */
export type SpanFit = { logC: number; alpha: number };

const MIN_ALPHA = 0.5;
const MAX_ALPHA = 8;
/** Pairs sampled per lag (a page of 1,000 keys costs ~600 distance measures). */
const PAIRS_PER_LAG = 48;

/** The fit of a page's consecutive keys (null when it has fewer than 3 distinct points). */
export function fitPage(keys: readonly Uint8Array[], before: Uint8Array | null): SpanFit | null {
  const points: { x: number; y: number }[] = [];
  const n = keys.length;
  for (let lag = 1; lag < n; lag = lag < 4 ? lag + 1 : Math.ceil(lag * 1.6)) {
    const pairs = n - lag;
    const step = Math.max(1, Math.floor(pairs / PAIRS_PER_LAG));
    let sum = 0;
    let count = 0;
    for (let i = 0; i < pairs; i += step) {
      const s = log2Span(keys[i]!, keys[i + lag]!);
      if (Number.isFinite(s)) {
        sum += s;
        count++;
      }
    }
    if (count > 0) points.push({ x: Math.log2(lag), y: sum / count });
  }
  if (n >= 2) {
    const whole = log2Span(keys[0]!, keys[n - 1]!);
    if (Number.isFinite(whole)) points.push({ x: Math.log2(n - 1), y: whole });
  }
  // The gap from the listing's StartAfter to its first key is part of the sample too.
  if (before && n >= 1) {
    const s = log2Span(before, keys[n - 1]!);
    if (Number.isFinite(s)) points.push({ x: Math.log2(n), y: s });
  }
  if (points.length < 2) return null;
  const mx = points.reduce((s, p) => s + p.x, 0) / points.length;
  const my = points.reduce((s, p) => s + p.y, 0) / points.length;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.x - mx) * (p.y - my);
    sxx += (p.x - mx) ** 2;
  }
  if (sxx === 0) return null;
  const alpha = Math.min(MAX_ALPHA, Math.max(MIN_ALPHA, sxy / sxx));
  return { logC: my - alpha * mx, alpha };
}

/** Keys in a stretch of log2 span `logS` by one fit, or by two (geometric mean), as log2. */
export function log2Count(logS: number, fits: readonly SpanFit[]): number {
  if (!Number.isFinite(logS)) return -Infinity;
  if (fits.length === 0) return -Infinity;
  let sum = 0;
  for (const f of fits) sum += (logS - f.logC) / f.alpha;
  return sum / fits.length;
}

/** The exponent β of count ∝ span^β for these fits (the mean of 1/α). */
export function beta(fits: readonly SpanFit[]): number {
  if (fits.length === 0) return 1;
  return fits.reduce((s, f) => s + 1 / f.alpha, 0) / fits.length;
}
