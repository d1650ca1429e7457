/**
 * Code points that would be invisible, or would reorder text, if a key were shown as is:
 * C0 and C1 controls, DEL, bidi marks/embeddings/overrides/isolates, zero-width and
 * line/paragraph separators, and the BOM. (A range table rather than a regex literal,
 * so no control characters sit in the source.)
 */
const INVISIBLE_RANGES: readonly (readonly [number, number])[] = [
  [0x0000, 0x001f],
  [0x007f, 0x009f],
  [0x061c, 0x061c],
  [0x200b, 0x200f],
  [0x2028, 0x202e],
  [0x2060, 0x2069],
  [0xfeff, 0xfeff],
];

function isInvisible(code: number): boolean {
  return INVISIBLE_RANGES.some(([from, to]) => code >= from && code <= to);
}

/**
 * Plain ASCII `\u{A}` rather than Unicode control pictures (␊): those are missing from
 * many fonts and would show as blank boxes, hiding which character it was.
 */
function marker(code: number): string {
  return `\\u{${code.toString(16).toUpperCase()}}`;
}

/** A key (or any stored name) made safe to display as text: hidden characters become visible markers. */
export function visibleKey(s: string): string {
  let out = '';
  let changed = false;
  for (const char of s) {
    const code = char.codePointAt(0) ?? 0;
    if (isInvisible(code)) {
      out += marker(code);
      changed = true;
    } else {
      out += char;
    }
  }
  return changed ? out : s;
}
