/**
 * The listings a page window (page-window.ts) makes away from its edges: a jump to a rank far
 * from the window, and the rows before its first page. Each says what it found; the window
 * places it.
 */
import { byteOrder } from '@stowage/shared';
import type { ListingEntry } from '../utils/listing-entries';
import { listBefore, type Listing, type WindowPage } from './page-rows';
import type { PositionMap } from './position-map';

/** Rows per page (the API's). */
export const PAGE_ROWS = 1000;
/** Listings a jump may take when it lands past the folder's end. */
const MAX_JUMP_TRIES = 4;

/** One listing of the folder after `after` (null: from its start), recorded in the map. */
export type ListPage = (after: string | null, signal: AbortSignal) => Promise<Listing>;

/**
 * Lists where the map puts `rank`: the page, and the view's top on its rows (where the map now
 * puts them: it learnt from this very listing). Null when aborted.
 */
export async function listForJump(
  map: PositionMap,
  list: ListPage,
  rank: number,
  signal: AbortSignal,
): Promise<{ page: WindowPage; top: number } | null> {
  // Past the folder's real end (the estimate was high): the map learns it from the empty
  // page, and the next try lands within its new total.
  for (let tries = 0; ; tries++) {
    const at =
      tries < MAX_JUMP_TRIES
        ? map.locate(Math.min(rank, map.total() - 1))
        : { startAfter: null, rank: 0 };
    const page = await list(at.startAfter, signal);
    if (signal.aborted) return null;
    if (page.rows.length === 0 && at.startAfter !== null) continue;
    const base = at.startAfter === null ? 0 : at.rank;
    // A view left at the rank asked, outside the window, would jump again and again.
    const top = base + Math.min(Math.max(0, rank - base), Math.max(0, page.rows.length - 1));
    return { page: { rows: page.rows, base, after: at.startAfter, more: page.more }, top };
  }
}

/** What lies before the window's first page. */
export type Before =
  /** Nothing: the window starts the folder. */
  | { kind: 'start' }
  /** Rows (at most a page, the last), from `after`; `fromStart`: listed from the folder's
   *  start, so their ranks are exact and the window's follow them. */
  | { kind: 'rows'; rows: ListingEntry[]; base: number; after: string | null; fromStart: boolean };

/** Lists from the map's guess before the window's first key until it reaches that key. */
export async function listBeforeWindow(
  map: PositionMap,
  list: ListPage,
  first: WindowPage,
  firstKey: string,
  signal: AbortSignal,
): Promise<Before> {
  let rows: ListingEntry[] = [];
  let start: string | null = null;
  for (const back of [PAGE_ROWS, 3 * PAGE_ROWS, Infinity]) {
    const at = map.locate(Math.max(0, first.base - back));
    start = back === Infinity ? null : at.startAfter;
    if (start !== null && byteOrder(start, firstKey) >= 0) continue;
    rows = await listBefore((after) => list(after, signal), start, firstKey);
    if (rows.length > 0 || start === null) break;
  }
  if (rows.length === 0) return { kind: 'start' };
  const dropped = rows.length > PAGE_ROWS;
  if (dropped) rows = rows.slice(-PAGE_ROWS);
  const fromStart = start === null && !dropped;
  const after = fromStart ? null : (rows[0]?.key ?? null);
  return { kind: 'rows', rows, base: first.base - rows.length, after, fromStart };
}
