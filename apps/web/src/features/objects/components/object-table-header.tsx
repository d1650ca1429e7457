import type { SortColumn, SortState } from '../utils/listing-entries';

type ObjectTableHeaderProps = { sort: SortState; onSortChange: (sort: SortState) => void };

const COLUMNS: { column: SortColumn; label: string; className: string }[] = [
  { column: 'name', label: 'Name', className: 'cell-name' },
  { column: 'size', label: 'Size', className: 'cell-size' },
  { column: 'date', label: 'Last modified', className: 'cell-date' },
];

/** Clickable column headers: a first click sorts ascending, a second one descending. */
export function ObjectTableHeader({ sort, onSortChange }: ObjectTableHeaderProps) {
  return (
    <div role="rowgroup" className="grid-head">
      <div role="row" aria-rowindex={1} className="grid-row grid-row--head">
        {COLUMNS.map(({ column, label, className }) => {
          const active = sort.column === column;
          const ariaSort = active
            ? sort.direction === 'asc'
              ? 'ascending'
              : 'descending'
            : undefined;
          const next: SortState = {
            column,
            direction: active && sort.direction === 'asc' ? 'desc' : 'asc',
          };
          return (
            <div key={column} role="columnheader" aria-sort={ariaSort} className={className}>
              <button
                type="button"
                className="sort-button"
                onClick={() => {
                  onSortChange(next);
                }}
              >
                {label}
                <span
                  className={`sort-arrow${active ? ' sort-arrow--active' : ''}`}
                  aria-hidden="true"
                >
                  {active && sort.direction === 'desc' ? '↓' : '↑'}
                </span>
              </button>
            </div>
          );
        })}
      </div>
    </div>
  );
}
