/**
 * Keys as points of S3's order: UTF-8 byte strings read as base-256 fractions. Nothing here turns
 * a whole key into a float: inside a dense cluster (`log-2026-01-07T13-42-05.123Z-…`) 53 bits
 * cannot tell keys apart. Distances are taken from the first byte where two keys differ, and a
 * point between two keys is computed exactly (BigInt) over the bytes after their common prefix.
 */
import { byteOrder } from '@stowage/shared';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A key's UTF-8 bytes. */
export function keyBytes(key: string): Uint8Array {
  return encoder.encode(key);
}

/** The longest string S3 takes as a key or StartAfter (characters; its bytes are checked by S3). */
export const MAX_KEY_CHARS = 1024;
/** Bytes past the first difference of two keys that an interpolated key keeps (t has 53 bits). */
const PRECISION_BYTES = 8;
/** The smallest byte an interpolated key adds after the keys' own bytes (no NUL, no controls). */
const MIN_ADDED_BYTE = 0x20;

/**
 * log2 of the distance from a to b (a ≤ b), the keys read as base-256 fractions: −Infinity when
 * equal. Exact to ~40 bits at any depth: the difference is accumulated from the first byte
 * where they differ, never as two absolute coordinates.
 */
export function log2Span(a: Uint8Array, b: Uint8Array): number {
  const n = Math.max(a.length, b.length);
  let p = 0;
  while (p < n && (a[p] ?? -1) === (b[p] ?? -1)) p++;
  if (p === n) return -Infinity;
  let d = 0;
  let j = p;
  // A missing byte (the shorter key ended) counts as 0: "ab" and "ab\0" are 0 apart, which only
  // NUL (never in a key) would make wrong.
  for (; j < n && Math.abs(d) < 2 ** 40; j++) d = d * 256 + ((b[j] ?? 0) - (a[j] ?? 0));
  if (d <= 0) return -Infinity;
  return Math.log2(d) - 8 * j;
}

/** The bytes as a big integer (big-endian), padded with zeros to `width` bytes. */
function toBig(bytes: Uint8Array, from: number, width: number): bigint {
  let hex = '';
  for (let i = from; i < from + width; i++) hex += (bytes[i] ?? 0).toString(16).padStart(2, '0');
  return width === 0 ? 0n : BigInt(`0x${hex}`);
}

function fromBig(n: bigint, width: number): Uint8Array {
  const hex = n.toString(16).padStart(width * 2, '0');
  const out = new Uint8Array(width);
  for (let i = 0; i < width; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** UTF-8 length of a sequence led by `b`, 0 when `b` cannot lead one. */
function seqLength(b: number): number {
  if (b < 0x80) return 1;
  if (b >= 0xc2 && b <= 0xdf) return 2;
  if (b >= 0xe0 && b <= 0xef) return 3;
  if (b >= 0xf0 && b <= 0xf4) return 4;
  return 0;
}

/** Whether bytes[i..] starts with one whole, valid UTF-8 character. */
function validAt(bytes: Uint8Array, i: number): number {
  const lead = bytes[i]!;
  const len = seqLength(lead);
  if (len === 0 || i + len > bytes.length) return 0;
  const second = bytes[i + 1] ?? 0;
  const lo = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
  const hi = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
  if (len > 1 && (second < lo || second > hi)) return 0;
  for (let k = 2; k < len; k++) if (bytes[i + k]! < 0x80 || bytes[i + k]! > 0xbf) return 0;
  return len;
}

/** Whether the UTF-8 of code point `c` is byte-wise below bytes[i..]. */
function encodingBelow(c: number, bytes: Uint8Array, i: number): boolean {
  const enc = encoder.encode(String.fromCodePoint(c >= 0xd800 && c <= 0xdfff ? 0xd7ff : c));
  for (let k = 0; k < enc.length; k++) {
    const t = bytes[i + k];
    if (t === undefined) return false; // bytes[i..] is a prefix of enc: enc is above
    if (enc[k] !== t) return enc[k]! < t;
  }
  return true;
}

/**
 * The greatest string whose UTF-8 is ≤ `bytes` (as far as one character can tell): whole valid
 * characters are kept; at an invalid or partial sequence the greatest character below it ends
 * the string. A byte below 0x20 from `keepFrom` on ends it too (no NUL or control character in
 * a probe: S3 keys cannot hold NUL).
 */
export function roundDownToString(bytes: Uint8Array, keepFrom: number): string {
  let i = 0;
  while (i < bytes.length) {
    if (i >= keepFrom && bytes[i]! < MIN_ADDED_BYTE) break;
    const len = validAt(bytes, i);
    if (len > 0) {
      i += len;
      continue;
    }
    let lo = 0;
    let hi = 0x10ffff;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (encodingBelow(mid, bytes, i)) lo = mid;
      else hi = mid - 1;
    }
    const c = lo >= 0xd800 && lo <= 0xdfff ? 0xd7ff : lo;
    const head = decoder.decode(bytes.subarray(0, i));
    return c >= MIN_ADDED_BYTE ? head + String.fromCodePoint(c) : head;
  }
  return decoder.decode(bytes.subarray(0, i));
}

/** `s` cut to MAX_KEY_CHARS characters, never between the halves of a surrogate pair. */
function capLength(s: string): string {
  if (s.length <= MAX_KEY_CHARS) return s;
  const last = s.charCodeAt(MAX_KEY_CHARS - 1);
  return s.slice(0, last >= 0xd800 && last <= 0xdbff ? MAX_KEY_CHARS - 1 : MAX_KEY_CHARS);
}

/**
 * A key k with a ≤ k ≤ b (byte order) at fraction t (0…1) of the way from a to b, the keys read
 * as base-256 fractions after their common prefix; exact at any depth (BigInt). k is a valid
 * string of at most 1024 characters whose UTF-8 is ≤ the exact point (rounded down at an invalid
 * or partial sequence, and after 8 bytes past the first difference: t has no more precision).
 */
export function interpolateKey(a: string, b: string, t: number): string {
  if (byteOrder(a, b) >= 0 || !(t > 0)) return a;
  if (t >= 1) return b;
  const ab = keyBytes(a);
  const bb = keyBytes(b);
  let p = 0;
  while (p < ab.length && p < bb.length && ab[p] === bb[p]) p++;
  const width = Math.max(ab.length, bb.length, p + PRECISION_BYTES) - p;
  const lo = toBig(ab, p, width);
  const hi = toBig(bb, p, width);
  const scale = 2n ** 53n;
  const point = lo + ((hi - lo) * BigInt(Math.floor(t * 2 ** 53))) / scale;
  const tail = fromBig(point, width);
  // Where the point first exceeds a: keeping bytes up to there keeps k ≥ a.
  let j = 0;
  while (j < width && tail[j] === (ab[p + j] ?? 0)) j++;
  const keep = Math.min(width, Math.max(j + 1, PRECISION_BYTES));
  const bytes = new Uint8Array(p + keep);
  bytes.set(ab.subarray(0, p));
  bytes.set(tail.subarray(0, keep), p);
  // No NUL or control byte from where k leaves a (S3 keys cannot hold NUL).
  let d = 0;
  while (d < bytes.length && bytes[d] === ab[d]) d++;
  const k = capLength(roundDownToString(bytes, d));
  if (byteOrder(k, a) < 0) return a;
  return byteOrder(k, b) > 0 ? b : k;
}

/**
 * A point past every key of the folder `prefix` (the top of its key space): the prefix then
 * U+10FFFF (UTF-8 F4 8F BF BF, the greatest character) until it is longer than any key (1,024
 * bytes). A coordinate for estimates, never sent to S3.
 */
export function keyAfterAll(prefix: string): string {
  const n = Math.ceil((1025 - keyBytes(prefix).length) / 4);
  return prefix + '\u{10FFFF}'.repeat(Math.max(1, n));
}
