/** The bucket's subpages, by their path's last part. */
const SUBPAGES: Record<string, string> = {
  settings: 'Settings',
  uploads: 'Unfinished uploads',
  usage: 'Usage',
  links: 'Links',
};

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

/**
 * The tab title of a location, most specific first: "report.pdf — docs/ — demo — Stowage",
 * "docs/ — demo — Stowage", "demo — Stowage", "Settings — demo — Stowage", "Buckets — Stowage".
 */
export function documentTitle(pathname: string, search: Record<string, unknown>): string {
  const parts: string[] = [];
  const bucketPage = /^\/b\/([^/]+)(?:\/([^/]+))?\/?$/.exec(pathname);
  if (pathname === '/') parts.push('Buckets');
  else if (pathname === '/activity') parts.push('Activity');
  else if (bucketPage?.[1] !== undefined) {
    const subpage = bucketPage[2];
    if (subpage !== undefined) parts.push(SUBPAGES[subpage] ?? subpage);
    const key = text(search.key);
    const query = text(search.q);
    if (key !== null) parts.push(key.slice(key.lastIndexOf('/', key.length - 2) + 1));
    if (query !== null) parts.push(`Search “${query}”`);
    const prefix = text(search.prefix);
    if (prefix !== null) parts.push(prefix);
    parts.push(decodeURIComponent(bucketPage[1]));
  }
  return [...parts, 'Stowage'].join(' — ');
}
