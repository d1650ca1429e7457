/**
 * S3's key order, without zod: the web app's first screen sorts with it (delete.ts's schemas,
 * which use it too, would bring zod into that screen).
 */

/** S3's order of keys: their UTF-8 bytes, which is code point order (not UTF-16's). */
export function byteOrder(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.codePointAt(i) ?? 0;
    const cb = b.codePointAt(i) ?? 0;
    if (ca !== cb) return ca < cb ? -1 : 1;
    if (ca > 0xffff) i++;
  }
  return a.length - b.length;
}

/** Whether `key` is in a range delete's `from`..`to` (a `to` ending in "/" covers its subtree). */
export function inKeyRange(key: string, from?: string, to?: string): boolean {
  if (from !== undefined && byteOrder(key, from) < 0) return false;
  if (to === undefined || byteOrder(key, to) <= 0) return true;
  return to.endsWith('/') && key.startsWith(to);
}
