/**
 * S3 lists keys in UTF-8 byte order, which is code point order. JavaScript's `<` compares
 * UTF-16 code units, which differs for characters above U+FFFF, so compare code points.
 */
export function compareKeys(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.codePointAt(i) ?? 0;
    const cb = b.codePointAt(i) ?? 0;
    if (ca !== cb) return ca < cb ? -1 : 1;
    if (ca > 0xffff) i++;
  }
  return a.length - b.length;
}
