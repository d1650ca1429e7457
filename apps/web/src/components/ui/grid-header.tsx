import clsx from 'clsx';
import { nextSort, type SortColumn, type SortState } from '@/utils/sort-rows';
import styles from './object-grid.module.css';

/** What the header's "Select all loaded" needs of a selection. */
export type HeaderSelection = {
  selected: ReadonlySet<string>;
  loadedCount: number;
  setAll: (checked: boolean) => void;
};

type GridHeaderProps = {
  sort: SortState;
  onSortChange: (sort: SortState) => void;
  /** Null when rows cannot be checked (read-only): no "Select all". */
  selection: HeaderSelection | null;
  /** Sorting by size and date is off, for this reason (the windowed listing): name order only. */
  sortOff?: string;
};

const COLUMNS: { column: SortColumn; label: string; className: string | undefined }[] = [
  { column: 'name', label: 'Name', className: styles.name },
  { column: 'size', label: 'Size', className: styles.size },
  { column: 'date', label: 'Last modified', className: styles.date },
];

/**
 * The header row of an object grid (the listing, search results): "Select all loaded", then
 * clickable column headers (a first click sorts ascending, a second descending; aria-sort).
 */
export function GridHeader({ sort, onSortChange, selection, sortOff }: GridHeaderProps) {
  const selected = selection?.selected ?? new Set<string>();
  const loadedCount = selection?.loadedCount ?? 0;
  const all = loadedCount > 0 && selected.size === loadedCount;
  return (
    <div role="rowgroup" className={styles.head}>
      <div role="row" aria-rowindex={1} className={clsx(styles.row, styles.headRow)}>
        <div role="columnheader" className={styles.check}>
          {selection ? (
            <input
              type="checkbox"
              className={styles.checkbox}
              aria-label="Select all loaded"
              title="Select all loaded objects and folders"
              disabled={loadedCount === 0}
              checked={all}
              ref={(input) => {
                if (input) input.indeterminate = selected.size > 0 && !all;
              }}
              onChange={(event) => {
                selection.setAll(event.target.checked);
              }}
            />
          ) : null}
        </div>
        {COLUMNS.map(({ column, label, className }) => {
          const active = sort.column === column;
          const ariaSort = active
            ? sort.direction === 'asc'
              ? 'ascending'
              : 'descending'
            : undefined;
          const next = nextSort(sort, column);
          const off = sortOff !== undefined;
          return (
            <div key={column} role="columnheader" aria-sort={ariaSort} className={className}>
              <button
                type="button"
                className={styles.sortButton}
                disabled={off}
                title={off && column !== 'name' ? sortOff : undefined}
                onClick={() => {
                  onSortChange(next);
                }}
              >
                {label}
                <span
                  className={clsx(styles.sortArrow, active && styles.sortArrowActive)}
                  aria-hidden="true"
                >
                  {active && sort.direction === 'desc' ? '↓' : '↑'}
                </span>
              </button>
            </div>
          );
        })}
        <div role="columnheader" className={styles.actions}>
          <span className="sr-only">Actions</span>
        </div>
      </div>
    </div>
  );
}
