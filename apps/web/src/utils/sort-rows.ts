/**
 * Column sort of rows already loaded (a folder's pages, a search's matches): by name (the
 * store's order, or its reverse), size or last modified, ascending or descending. The URL
 * holds it as `?sort=size&order=desc` (the default, name ascending, is left out).
 */
export type SortColumn = 'name' | 'size' | 'date';
export type SortState = { column: SortColumn; direction: 'asc' | 'desc' };

/** Store order: what S3 returns, byte-wise by key. */
export const DEFAULT_SORT: SortState = { column: 'name', direction: 'asc' };

export function isDefaultSort(sort: SortState): boolean {
  return sort.column === DEFAULT_SORT.column && sort.direction === DEFAULT_SORT.direction;
}

const COLUMNS: readonly SortColumn[] = ['name', 'size', 'date'];

/** `?sort=&order=` → a sort; anything else is the default. */
export function sortFromParams(sort: unknown, order: unknown): SortState {
  const column = COLUMNS.find((c) => c === sort) ?? DEFAULT_SORT.column;
  return { column, direction: order === 'desc' ? 'desc' : 'asc' };
}

/** A sort → its URL parameters (none for the default). */
export function sortParams(sort: SortState): { sort?: SortColumn; order?: 'desc' } {
  if (isDefaultSort(sort)) return {};
  return { sort: sort.column, ...(sort.direction === 'desc' ? { order: 'desc' as const } : {}) };
}

export type SortableRow = { size: number; lastModified: string | null };

function time(iso: string | null): number {
  const t = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(t) ? -Infinity : t;
}

/**
 * `rows` (given in store order) in the chosen order: a new array, or `rows` itself for the
 * default. Ties keep store order whichever the direction; an unknown date sorts first
 * ascending. Values are read once per row, so a 100,000-row date sort parses each date once.
 */
export function sortRows<T extends SortableRow>(rows: readonly T[], sort: SortState): readonly T[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  if (sort.column === 'name') return sign === 1 ? rows : [...rows].reverse();
  const values = new Float64Array(rows.length);
  rows.forEach((row, i) => {
    values[i] = sort.column === 'size' ? row.size : time(row.lastModified);
  });
  const order = Array.from(rows, (_, i) => i);
  order.sort((a, b) => {
    const va = values[a] as number;
    const vb = values[b] as number;
    return va === vb ? a - b : va < vb ? -sign : sign;
  });
  return order.map((i) => rows[i] as T);
}

/** What a click on a column header asks for: that column ascending, or flipped if it is the one. */
export function nextSort(current: SortState, column: SortColumn): SortState {
  const active = current.column === column;
  return { column, direction: active && current.direction === 'asc' ? 'desc' : 'asc' };
}
