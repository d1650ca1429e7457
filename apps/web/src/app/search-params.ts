/**
 * Plain `?prefix=a/b/&key=a/b/c.txt` URLs instead of the router's default JSON encoding
 * (which would turn a key such as `123` or `null` into a number or null, and quote it).
 * Every value is a string; "/" is left readable, everything else goes through encodeURIComponent.
 */
export function parseSearch(searchStr: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(searchStr));
}

export function stringifySearch(search: Record<string, unknown>): string {
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(search)) {
    if (value === undefined || value === null || value === '') continue;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
      continue;
    const encoded = encodeURIComponent(String(value)).replaceAll('%2F', '/');
    pairs.push(`${encodeURIComponent(name)}=${encoded}`);
  }
  return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}
