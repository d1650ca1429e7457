import { describe, expect, it } from 'vitest';
import { nextSort, sortFromParams, sortParams, sortRows } from './sort-rows';

const row = (key: string, size: number, lastModified: string | null) => ({
  key,
  size,
  lastModified,
});
const rows = [
  row('a', 30, '2026-01-03T00:00:00Z'),
  row('b', 10, null),
  row('c', 20, '2026-01-01T00:00:00Z'),
  row('d', 10, '2026-01-02T00:00:00Z'),
];
const keys = (list: readonly { key: string }[]) => list.map((r) => r.key).join('');

describe('sortRows', () => {
  it('name ascending is the given (store) order, the same array; descending its reverse', () => {
    expect(sortRows(rows, { column: 'name', direction: 'asc' })).toBe(rows);
    expect(keys(sortRows(rows, { column: 'name', direction: 'desc' }))).toBe('dcba');
  });

  it('size both ways; ties keep store order in either direction', () => {
    expect(keys(sortRows(rows, { column: 'size', direction: 'asc' }))).toBe('bdca');
    expect(keys(sortRows(rows, { column: 'size', direction: 'desc' }))).toBe('acbd');
  });

  it('date: an unknown date is the oldest', () => {
    expect(keys(sortRows(rows, { column: 'date', direction: 'asc' }))).toBe('bcda');
    expect(keys(sortRows(rows, { column: 'date', direction: 'desc' }))).toBe('adcb');
  });

  it('does not change the rows it is given', () => {
    sortRows(rows, { column: 'size', direction: 'asc' });
    expect(keys(rows)).toBe('abcd');
  });
});

describe('sort in the URL', () => {
  it('round-trips, the default leaving no parameter', () => {
    expect(sortParams({ column: 'name', direction: 'asc' })).toEqual({});
    expect(sortParams({ column: 'size', direction: 'desc' })).toEqual({
      sort: 'size',
      order: 'desc',
    });
    expect(sortParams({ column: 'date', direction: 'asc' })).toEqual({ sort: 'date' });
    expect(sortFromParams('size', 'desc')).toEqual({ column: 'size', direction: 'desc' });
    expect(sortFromParams('name', 'desc')).toEqual({ column: 'name', direction: 'desc' });
  });

  it('takes anything else as the default', () => {
    expect(sortFromParams('evil', 'sideways')).toEqual({ column: 'name', direction: 'asc' });
    expect(sortFromParams(undefined, undefined)).toEqual({ column: 'name', direction: 'asc' });
  });

  it('a click sorts a new column ascending and flips the active one', () => {
    expect(nextSort({ column: 'name', direction: 'asc' }, 'size')).toEqual({
      column: 'size',
      direction: 'asc',
    });
    expect(nextSort({ column: 'size', direction: 'asc' }, 'size').direction).toBe('desc');
    expect(nextSort({ column: 'size', direction: 'desc' }, 'size').direction).toBe('asc');
  });
});
