/**
 * Pure helpers for S3 keys and prefixes ("folders" are prefixes ending in the delimiter).
 * No zod here: the web app's first screen uses these, and zod loads later, with the forms.
 */

/** S3 allows 1..1024 bytes of UTF-8 in a key. */
export const MAX_KEY_BYTES = 1024;

export const utf8Length = (s: string): number => new TextEncoder().encode(s).length;

/** The last segment of a key, ignoring one trailing "/" ("a/b/" -> "b/", "a/b.txt" -> "b.txt"). */
export function keyBasename(key: string, prefix = ''): string {
  if (prefix && key.startsWith(prefix)) return key.slice(prefix.length);
  const trimmed = key.endsWith('/') ? key.slice(0, -1) : key;
  const i = trimmed.lastIndexOf('/');
  return key.slice(i + 1);
}

/** The prefix that holds a key or folder ("a/b/c.txt" -> "a/b/", "a/b/" -> "a/", "a" -> ""). */
export function parentPrefix(key: string): string {
  const trimmed = key.endsWith('/') ? key.slice(0, -1) : key;
  const i = trimmed.lastIndexOf('/');
  return i < 0 ? '' : trimmed.slice(0, i + 1);
}

/** Breadcrumb steps of a prefix: "a/b/" -> [{ name: "a", prefix: "a/" }, { name: "b", prefix: "a/b/" }]. */
export function prefixSegments(prefix: string): { name: string; prefix: string }[] {
  const out: { name: string; prefix: string }[] = [];
  let start = 0;
  for (let i = prefix.indexOf('/'); i >= 0; i = prefix.indexOf('/', start)) {
    out.push({ name: prefix.slice(start, i), prefix: prefix.slice(0, i + 1) });
    start = i + 1;
  }
  return out;
}

/** A file name for a download: the key's last segment, never empty. */
export function downloadFilename(key: string): string {
  const trimmed = key.endsWith('/') ? key.slice(0, -1) : key;
  const name = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  return name || 'download';
}

/**
 * The name "keep both" gives a new object whose key is taken (uploads, copies, moves):
 * "docs/report.pdf" with n = 2 -> "docs/report (2).pdf". A leading dot is part of the name
 * (".env" -> ".env (1)"), and only the last segment changes.
 */
export function keepBothKey(key: string, n: number): string {
  const slash = key.lastIndexOf('/');
  const folder = key.slice(0, slash + 1);
  const name = key.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  const suffix = ` (${String(n)})`;
  if (dot <= 0) return `${folder}${name}${suffix}`;
  return `${folder}${name.slice(0, dot)}${suffix}${name.slice(dot)}`;
}
