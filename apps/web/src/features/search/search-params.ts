/**
 * The search in the page's URL: the API's own parameter names (`?q=…&glob=1&minSize=…`), so a
 * search is shareable and runs again on reload. Plain strings here; the API validates them
 * (a bad one is its 400, shown as the search's error). No zod, no picomatch: first screen.
 */
export const SEARCH_PARAM_NAMES = [
  'q',
  'glob',
  'matchCase',
  'minSize',
  'maxSize',
  'modifiedAfter',
  'modifiedBefore',
] as const;
export type SearchParamName = (typeof SEARCH_PARAM_NAMES)[number];
export type SearchParams = Partial<Record<SearchParamName, string>>;

/** The search parameters of a URL's search object (non-empty strings only). */
export function searchParamsOf(search: Record<string, unknown>): SearchParams {
  const out: SearchParams = {};
  for (const name of SEARCH_PARAM_NAMES) {
    const value = search[name];
    if (typeof value === 'string' && value !== '') out[name] = value;
  }
  return out;
}

/** A search is on when the URL names any of its parameters (a filter alone is a search). */
export function isSearching(params: SearchParams): boolean {
  return SEARCH_PARAM_NAMES.some((name) => params[name] !== undefined);
}

/** Every search parameter cleared (to spread into a navigation's search). */
export const NO_SEARCH: Record<SearchParamName, undefined> = Object.fromEntries(
  SEARCH_PARAM_NAMES.map((name) => [name, undefined]),
) as Record<SearchParamName, undefined>;

/** One string per search, to restart the stream when it changes. */
export function searchIdentity(bucket: string, prefix: string, params: SearchParams): string {
  return JSON.stringify([bucket, prefix, SEARCH_PARAM_NAMES.map((n) => params[n] ?? null)]);
}
