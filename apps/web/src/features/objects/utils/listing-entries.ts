import type { ListObjectsResponse } from '@stowage/shared';

/** `deleted`: only in a "Show deleted" listing, a folder that holds only deleted keys. */
export type FolderEntry = { kind: 'folder'; key: string; deleted?: true };
/** `deleted`: only in a "Show deleted" listing, a key whose current version is a delete marker. */
export type ObjectEntry = {
  kind: 'object';
  key: string;
  size: number;
  lastModified: string | null;
  deleted?: true;
};
export type ListingEntry = FolderEntry | ObjectEntry;

export type SortColumn = 'name' | 'size' | 'date';
export type SortState = { column: SortColumn; direction: 'asc' | 'desc' };

/** Store order: what S3 returns, byte-wise by key. */
export const DEFAULT_SORT: SortState = { column: 'name', direction: 'asc' };

export function isDefaultSort(sort: SortState): boolean {
  return sort.column === DEFAULT_SORT.column && sort.direction === DEFAULT_SORT.direction;
}

/** Each page's objects as entries, made once: a page is never changed once loaded. */
const pageObjects = new WeakMap<ListObjectsResponse, ObjectEntry[]>();

function objectsOf(page: ListObjectsResponse): ObjectEntry[] {
  let entries = pageObjects.get(page);
  if (!entries) {
    entries = page.objects.map((object): ObjectEntry => ({
      kind: 'object',
      key: object.key,
      size: object.size,
      lastModified: object.lastModified,
      ...(object.deleted ? { deleted: true as const } : {}),
    }));
    pageObjects.set(page, entries);
  }
  return entries;
}

/**
 * Every loaded page flattened: folders (deduplicated across pages) first, then objects, in
 * store order. Called again for each new page of a 100,000-key folder, so earlier pages'
 * entries are reused (the same objects, which also keeps rows from re-rendering).
 */
export function toEntries(pages: readonly ListObjectsResponse[]): {
  folders: FolderEntry[];
  objects: ObjectEntry[];
} {
  const seen = new Set<string>();
  const folders: FolderEntry[] = [];
  for (const page of pages) {
    const deleted = new Set(page.deletedPrefixes ?? []);
    for (const prefix of page.prefixes) {
      if (seen.has(prefix)) continue;
      seen.add(prefix);
      folders.push(
        deleted.has(prefix)
          ? { kind: 'folder', key: prefix, deleted: true }
          : { kind: 'folder', key: prefix },
      );
    }
  }
  return { folders, objects: pages.flatMap(objectsOf) };
}

function time(iso: string | null): number {
  const t = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(t) ? -Infinity : t;
}

function sortObjects(objects: ObjectEntry[], sort: SortState): ObjectEntry[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  if (sort.column === 'name') return sign === 1 ? objects : [...objects].reverse();
  // Decorate once so a 100,000-row date sort does not parse dates inside the comparator.
  const decorated = objects.map((entry, index) => ({
    entry,
    index,
    value: sort.column === 'size' ? entry.size : time(entry.lastModified),
  }));
  // Ties keep store order whichever the direction.
  decorated.sort((a, b) =>
    a.value === b.value ? a.index - b.index : a.value < b.value ? -sign : sign,
  );
  return decorated.map((d) => d.entry);
}

/** Folders always first (by name; they have no size or date), then objects in the chosen order. */
export function sortEntries(
  folders: FolderEntry[],
  objects: ObjectEntry[],
  sort: SortState,
): ListingEntry[] {
  const orderedFolders =
    sort.column === 'name' && sort.direction === 'desc' ? [...folders].reverse() : folders;
  return [...orderedFolders, ...sortObjects(objects, sort)];
}
