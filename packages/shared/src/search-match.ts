import picomatch from 'picomatch';
import type { SearchQuery } from './search.js';

/**
 * What a search matches: the one rule of the API's scan and the web app's instant filter.
 *
 * - The name is the key relative to the searched prefix (`prefix` "logs/", key
 *   "logs/2024/a.csv" → "2024/a.csv").
 * - A substring `q` matches anywhere in that name; ignoring case unless `matchCase`.
 * - A glob `q` (picomatch: `*` and `?` within a folder, `**` across folders, `[…]`, `{a,b}`;
 *   `\*` is a literal star) without a "/" matches the last segment of the name (the file's
 *   name, whatever its folder); with a "/" it matches the whole name. Dot files match.
 * - Then size (`minSize` ≤ size ≤ `maxSize`) and time (`modifiedAfter` ≤ t < `modifiedBefore`).
 */
export type SearchFilter = Pick<
  SearchQuery,
  'prefix' | 'q' | 'glob' | 'matchCase' | 'minSize' | 'maxSize' | 'modifiedAfter' | 'modifiedBefore'
>;

export interface Searchable {
  key: string;
  size: number;
  lastModified: string | null;
}

/** Why `q` is not a glob this search can use (unbalanced brackets…), or undefined. */
export function globProblem(q: string): string | undefined {
  try {
    picomatch(q, { strictBrackets: true });
    return undefined;
  } catch (err) {
    return `q is not a valid glob: ${err instanceof Error ? err.message : String(err)}`;
  }
}

const lastSegment = (name: string) => {
  const trimmed = name.endsWith('/') ? name.slice(0, -1) : name;
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
};

/** A predicate for one search; throws on a glob `globProblem` refuses (check that first). */
export function searchMatcher(filter: SearchFilter): (o: Searchable) => boolean {
  const { prefix = '', q = '', glob, matchCase } = filter;
  let nameMatches: (name: string) => boolean = () => true;
  if (q && glob) {
    const isMatch = picomatch(q, { dot: true, nocase: !matchCase, strictBrackets: true });
    nameMatches = q.includes('/') ? isMatch : (name) => isMatch(lastSegment(name));
  } else if (q) {
    const needle = matchCase ? q : q.toLowerCase();
    nameMatches = matchCase
      ? (name) => name.includes(needle)
      : (name) => name.toLowerCase().includes(needle);
  }
  const after = filter.modifiedAfter ? Date.parse(filter.modifiedAfter) : undefined;
  const before = filter.modifiedBefore ? Date.parse(filter.modifiedBefore) : undefined;
  const { minSize, maxSize } = filter;
  return (o) => {
    if (minSize !== undefined && o.size < minSize) return false;
    if (maxSize !== undefined && o.size > maxSize) return false;
    if (after !== undefined || before !== undefined) {
      const t = o.lastModified ? Date.parse(o.lastModified) : NaN;
      if (Number.isNaN(t)) return false;
      if (after !== undefined && t < after) return false;
      if (before !== undefined && t >= before) return false;
    }
    return nameMatches(o.key.startsWith(prefix) ? o.key.slice(prefix.length) : o.key);
  };
}
