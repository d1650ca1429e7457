import { byteOrder, folderPageUrl, type ListObjectsResponse } from '@stowage/shared';
import { apiGet } from '@/lib/api-client';
import type { ListingEntry } from '../utils/listing-entries';

/** One page of a windowed listing: its rows in S3 (byte) order, folders at their place. */
export type WindowPage = {
  rows: ListingEntry[];
  /** The (display) rank of its first row. */
  base: number;
  /** Where it was listed from (null: the folder's start). */
  after: string | null;
  /** The folder has keys after it. */
  more: boolean;
};

/** A page's objects and subfolders merged in byte order, without the folder's own marker. */
export function pageRows(page: ListObjectsResponse): ListingEntry[] {
  const rows: ListingEntry[] = [];
  for (const object of page.objects) {
    // A zero-byte key ending in "/" in a "/"-delimited page is the folder's own marker.
    if (object.size === 0 && object.key.endsWith('/')) continue;
    rows.push({
      kind: 'object',
      key: object.key,
      size: object.size,
      lastModified: object.lastModified,
    });
  }
  for (const folder of page.prefixes) rows.push({ kind: 'folder', key: folder });
  if (page.prefixes.length > 0) rows.sort((a, b) => byteOrder(a.key, b.key));
  return rows;
}

/** One page of the folder, from the start, after `startAfter`, or at an API cursor. */
export async function fetchRows(
  bucket: string,
  prefix: string,
  at: { startAfter: string | null } | { cursor: string },
  signal?: AbortSignal,
): Promise<{ rows: ListingEntry[]; nextCursor: string | null }> {
  const url =
    'cursor' in at
      ? folderPageUrl(bucket, prefix, at.cursor)
      : folderPageUrl(bucket, prefix, undefined, { startAfter: at.startAfter ?? undefined });
  const page = await apiGet<ListObjectsResponse>(url, signal);
  return { rows: pageRows(page), nextCursor: page.nextCursor };
}

/**
 * The greatest key listed before `name`'s keys: `name` with its last character decremented and
 * then U+10FFFF (the highest code point), so the first key listed after it is the first one
 * starting with `name` (if any). No key sorts between the two in practice.
 */
export function startAfterFor(name: string): string | null {
  const chars = [...name];
  const last = chars.pop();
  if (last === undefined) return null;
  const code = last.codePointAt(0) ?? 0;
  if (code === 0) return chars.join('');
  // Below the surrogates: stepping down from U+E000 lands on U+D7FF, a valid code point.
  const down = code === 0xe000 ? 0xd7ff : code - 1;
  return `${chars.join('')}${String.fromCodePoint(down)}\u{10FFFF}`;
}

/** One listing's rows, and whether the folder has more after them. */
export type Listing = { rows: ListingEntry[]; more: boolean };

/** Listings a "previous page" may take to reach the window's first key. */
const MAX_PREV_FETCHES = 4;

/** The rows from `start` up to (not including) `firstKey`: at most two pages' worth, the last. */
export async function listBefore(
  list: (after: string | null) => Promise<Listing>,
  start: string | null,
  firstKey: string,
): Promise<ListingEntry[]> {
  let rows: ListingEntry[] = [];
  let after = start;
  for (let n = 0; n < MAX_PREV_FETCHES; n++) {
    const page = await list(after);
    const before = page.rows.filter((row) => byteOrder(row.key, firstKey) < 0);
    rows = [...rows, ...before].slice(-2000);
    if (before.length < page.rows.length || !page.more || before.length === 0) break;
    after = before.at(-1)?.key ?? after;
  }
  return rows;
}
