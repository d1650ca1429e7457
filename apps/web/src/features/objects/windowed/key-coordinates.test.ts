import { byteOrder } from '@stowage/shared';
import { describe, expect, it } from 'vitest';
import { interpolateKey, keyAfterAll, keyBytes, log2Span } from './key-coordinates';

/** Whether s has NUL or another control character (below U+0020). */
const hasControl = (s: string) => [...s].some((c) => c.charCodeAt(0) < 0x20);

const utf8 = (s: string) => Buffer.from(s, 'utf8');
/** The exact byte point at fraction t between a and b (BigInt over the bytes after their common prefix). */
function exactPoint(a: string, b: string, t: number): Buffer {
  const ab = utf8(a);
  const bb = utf8(b);
  let p = 0;
  while (p < ab.length && p < bb.length && ab[p] === bb[p]) p++;
  const width = Math.max(ab.length, bb.length) - p + 8;
  const big = (buf: Buffer) => {
    let n = 0n;
    for (let i = 0; i < width; i++) n = n * 256n + BigInt(buf[p + i] ?? 0);
    return n;
  };
  const lo = big(ab);
  const point = lo + ((big(bb) - lo) * BigInt(Math.floor(t * 2 ** 53))) / 2n ** 53n;
  const hex = point.toString(16).padStart(width * 2, '0');
  return Buffer.concat([ab.subarray(0, p), Buffer.from(hex, 'hex')]);
}

/** Checks every promise of interpolateKey for one (a, b, t). */
function check(a: string, b: string, t: number): string {
  const k = interpolateKey(a, b, t);
  expect(byteOrder(a, k)).toBeLessThanOrEqual(0);
  expect(byteOrder(k, b)).toBeLessThanOrEqual(0);
  expect(k.length).toBeLessThanOrEqual(1024);
  // No NUL or control character that a and b do not have (S3 keys cannot hold NUL).
  if (!hasControl(a + b)) expect(hasControl(k)).toBe(false);
  // A valid string: it survives a round trip through UTF-8 (no lone surrogate).
  expect(Buffer.from(utf8(k)).toString('utf8')).toBe(k);
  // Never above the exact point, unless rounding down would go below a (then it is a).
  if (k !== a) expect(Buffer.compare(utf8(k), exactPoint(a, b, t))).toBeLessThanOrEqual(0);
  return k;
}

describe('interpolateKey', () => {
  it('lands between the keys, at the fraction asked, on plain ASCII', () => {
    const k = check('a', 'c', 0.5);
    expect(k.startsWith('b')).toBe(true);
    expect(check('k/0000', 'k/9999', 0.25) > 'k/2').toBe(true);
    expect(check('k/0000', 'k/9999', 0.25) < 'k/3').toBe(true);
  });

  it('is a at t = 0 and b at t = 1', () => {
    expect(interpolateKey('x/a', 'x/b', 0)).toBe('x/a');
    expect(interpolateKey('x/a', 'x/b', 1)).toBe('x/b');
  });

  it('tells apart keys that share 40+ bytes, as a 53-bit float of the whole key cannot', () => {
    const base = 'm/log-2026-01-07T13-42-05.123Z-0a3f1-and-a-long-tail-';
    expect(utf8(base).length).toBeGreaterThan(40);
    const a = `${base}aaaa.json`;
    const b = `${base}aaae.json`;
    const keys = [0.1, 0.3, 0.5, 0.7, 0.9].map((t) => check(a, b, t));
    for (let i = 1; i < keys.length; i++) expect(byteOrder(keys[i - 1]!, keys[i]!)).toBeLessThan(0);
    expect(keys[2]!.startsWith(`${base}aaac`)).toBe(true);
    // The same keys as floats of their first 7 bytes (53 bits): all equal, no fraction between.
    const float = (s: string) => [...utf8(s).subarray(0, 7)].reduce((v, x) => v * 256 + x, 0);
    expect(float(a)).toBe(float(b));
  });

  it('finds a key between adjacent keys', () => {
    const k = check('k/a', 'k/b', 0.5);
    expect(byteOrder('k/a', k)).toBeLessThan(0);
    expect(byteOrder(k, 'k/b')).toBeLessThan(0);
    // Between k/a and k/a\u0001 only keys with NUL or controls: none a probe may use, so a.
    expect(check('k/a', 'k/a\u0001', 0.5)).toBe('k/a');
  });

  it('keeps unicode valid: é, CJK, astral 𝄞, rounding down at a partial sequence', () => {
    for (const [a, b] of [
      ['f/é', 'f/ê'],
      ['f/é1', 'f/ü9'],
      ['f/中', 'f/国'],
      ['f/a', 'f/中'],
      ['f/𝄞', 'f/𝄢'],
      ['f/z', 'f/𝄞'],
      ['f/été-1.txt', 'f/été-9.txt'],
    ] as const) {
      for (const t of [0.01, 0.2, 0.5, 0.77, 0.99]) check(a, b, t);
    }
    // Halfway between é (C3 A9) and ê (C3 AA) is C3 A9 80: é then a stray continuation byte.
    expect(check('f/é', 'f/ê', 0.5).startsWith('f/é')).toBe(true);
  });

  it('orders by code point where UTF-16 does not (U+FFFD against 𝄞)', () => {
    // In UTF-16 𝄞 (D834 DD1E) sorts before U+FFFD; in UTF-8 (F0 9D 84 9E) after EF BF BD.
    const a = 'f/\uFFFD';
    const b = 'f/𝄞';
    expect(byteOrder(a, b)).toBeLessThan(0);
    expect(a > b).toBe(true);
    for (const t of [0.1, 0.5, 0.9]) check(a, b, t);
  });

  it('adds no control character where the point falls on low bytes', () => {
    for (let i = 1; i < 200; i++) check('m/94759 scan 94759.tif', 'm/L', i / 200);
    for (let i = 1; i < 50; i++) check('k/a', 'k/a!', i / 50);
  });

  it('stays within 1,024 characters when the keys are long', () => {
    const a = `p/${'x'.repeat(1010)}`;
    const b = `p/${'x'.repeat(1009)}y`;
    check(a, b, 0.5);
    check('p/a', keyAfterAll('p/'), 0.5);
  });
});

describe('keyAfterAll', () => {
  it('is above every key of the folder, however long', () => {
    const top = keyAfterAll('f/');
    for (const k of ['f/zzz', 'f/\u{10FFFF}', `f/${'\u{10FFFF}'.repeat(255)}`, 'f/ÿ', 'f/𝄞'])
      expect(byteOrder(k, top)).toBeLessThan(0);
    expect(top.startsWith('f/')).toBe(true);
  });
});

describe('log2Span', () => {
  it('measures the distance from the first difference, at any depth', () => {
    const base = 'm/log-2026-01-07T13-42-05.123Z-';
    const near = log2Span(keyBytes(`${base}0a3f1`), keyBytes(`${base}0a3f2`));
    const far = log2Span(keyBytes(`${base}0a3f1`), keyBytes(`${base}0a4f1`));
    expect(Number.isFinite(near)).toBe(true);
    expect(far - near).toBeCloseTo(16, 5); // two byte positions up: 65,536 times the distance
    expect(log2Span(keyBytes('a'), keyBytes('a'))).toBe(-Infinity);
  });
});
