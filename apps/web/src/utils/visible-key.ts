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

/** Any of them in a string: one regex test, so a listing's ordinary keys cost no per-character walk. */
const ANY_INVISIBLE = new RegExp(
  `[${INVISIBLE_RANGES.map(([from, to]) => `\\u{${from.toString(16)}}-\\u{${to.toString(16)}}`).join('')}]`,
  'u',
);
const hasInvisible = (s: string): boolean => ANY_INVISIBLE.test(s);

/** Names of the characters that reorder text (the CVE-2023-33955 class), for the marker's title. */
const NAMES: Record<number, string> = {
  0x061c: 'ARABIC LETTER MARK',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
};

/** `U+202E`: plain ASCII, as control pictures (␊) are missing from many fonts. */
export function codePointLabel(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** What the marker's tooltip says about a hidden character. */
export function hiddenCharTitle(code: number): string {
  const name =
    NAMES[code] ??
    (code < 0x20 || (code >= 0x7f && code <= 0x9f) ? 'control character' : 'invisible character');
  return `Hidden character ${codePointLabel(code)} (${name})`;
}

/** A run of ordinary text, or one hidden character to show as a marker. */
export type KeyPart = { text: string } | { hidden: number };

/** Splits a key into its ordinary text and its hidden characters, in order. */
export function keyParts(s: string): KeyPart[] {
  if (!hasInvisible(s)) return [{ text: s }];
  const parts: KeyPart[] = [];
  let text = '';
  for (const char of s) {
    const code = char.codePointAt(0) ?? 0;
    if (isInvisible(code)) {
      if (text !== '') parts.push({ text });
      text = '';
      parts.push({ hidden: code });
    } else {
      text += char;
    }
  }
  if (text !== '' || parts.length === 0) parts.push({ text });
  return parts;
}

/** The marker text of a hidden character: `⟨U+202E⟩`. */
export function hiddenCharMarker(code: number): string {
  return `⟨${codePointLabel(code)}⟩`;
}

/**
 * A key (or any stored name) made safe to show as plain text, for attributes and strings
 * (titles, aria-labels): hidden characters become `⟨U+202E⟩`. In markup, use <VisibleKey>.
 */
export function visibleKey(s: string): string {
  if (!hasInvisible(s)) return s;
  let out = '';
  let changed = false;
  for (const char of s) {
    const code = char.codePointAt(0) ?? 0;
    if (isInvisible(code)) {
      out += hiddenCharMarker(code);
      changed = true;
    } else {
      out += char;
    }
  }
  return changed ? out : s;
}
