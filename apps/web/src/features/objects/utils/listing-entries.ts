import type { ListObjectsResponse } from '@stowage/shared';
import { sortRows, type SortState } from '@/utils/sort-rows';

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

/** Each page's objects as entries, made once: a page is never changed once loaded. */
const pageObjects = new WeakMap<ListObjectsResponse, ObjectEntry[]>();

function objectsOf(page: ListObjectsResponse): ObjectEntry[] {
  let entries = pageObjects.get(page);
  if (!entries) {
    // A zero-byte key ending in "/" in a folder's page is that folder's own marker (the only
    // such key a "/"-delimited page can hold: "New folder" makes them): not a row of its own.
    const listed = page.objects.filter(
      (object) => !(object.size === 0 && object.key.endsWith('/')),
    );
    entries = listed.map((object): ObjectEntry => ({
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

/** Folders always first (by name; they have no size or date), then objects in the chosen order. */
export function sortEntries(
  folders: FolderEntry[],
  objects: ObjectEntry[],
  sort: SortState,
): ListingEntry[] {
  const orderedFolders =
    sort.column === 'name' && sort.direction === 'desc' ? [...folders].reverse() : folders;
  return [...orderedFolders, ...sortRows(objects, sort)];
}
