/* eslint react-hooks/incompatible-library: "off" -- TanStack Virtual is fine without React Compiler, which this app does not use. */
import { useMemo, useRef } from 'react';
import { Link } from '@tanstack/react-router';
import { useVirtualizer } from '@tanstack/react-virtual';
import clsx from 'clsx';
import { keyBasename, parentPrefix } from '@stowage/shared';
import { Button } from '@/components/ui/button';
import { GridHeader } from '@/components/ui/grid-header';
import { FileIcon, MoreIcon } from '@/components/ui/icons';
import { MenuButton, type MenuItem } from '@/components/ui/menu';
import { RowSelectionBar } from '@/components/ui/selection-bar';
import { VisibleKey } from '@/components/ui/visible-key';
import { errorMessage } from '@/lib/api-client';
import { useScrollbarWidth } from '@/lib/use-scrollbar-width';
import { getRowHeight } from '@/lib/row-height';
import { useRowSelection } from '@/lib/use-row-selection';
import { formatBytes, formatCount, formatDate, formatExactBytes } from '@/utils/format';
import type { ItemsAction } from '@/utils/items';
import { sortRows, type SortState } from '@/utils/sort-rows';
import { visibleKey } from '@/utils/visible-key';
import { useSearchStream, type SearchRow, type SearchState } from '../hooks/use-search-stream';
import { searchIdentity, type SearchParams } from '../search-params';
import grid from '@/components/ui/object-grid.module.css';
import panelStyles from '@/components/ui/panel.module.css';
import styles from './search-results.module.css';

const NO_ACTIONS: readonly MenuItem[] = [];

type SearchResultsProps = {
  bucket: string;
  /** The folder searched (recursively). */
  prefix: string;
  params: SearchParams;
  sort: SortState;
  onSortChange: (sort: SortState) => void;
  /** The object whose details are open. */
  selectedKey: string | undefined;
  /** The selection bar's actions (the listing's: copy, move, zip, delete). */
  selectionActions: readonly ItemsAction[];
  /** A result's "More actions" menu (the listing's). */
  rowActions?: ((row: SearchRow) => MenuItem[]) | undefined;
};

/**
 * A search's results as they stream in: the live count and Stop, then the done state; a
 * virtualized grid of full paths (only the rows in view are in the DOM), sortable, selectable.
 */
export function SearchResults(props: SearchResultsProps) {
  const { bucket, prefix, params, sort, selectedKey } = props;
  const identity = searchIdentity(bucket, prefix, params);
  const search = useSearchStream(identity, bucket, prefix, params);
  const rows = useMemo(() => sortRows(search.rows, sort), [search.rows, sort]);
  const selection = useRowSelection(identity, rows);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: getRowHeight,
    overscan: 12,
  });
  useScrollbarWidth(scrollRef);

  return (
    <div className={panelStyles.panel} data-testid="search-results">
      <SearchStatus search={search} prefix={prefix} />
      <RowSelectionBar
        selection={selection}
        actions={props.selectionActions.filter((action) => action.forDeleted !== true)}
      />
      <div
        role="grid"
        aria-label="Search results"
        aria-rowcount={search.status === 'running' ? -1 : rows.length + 1}
        aria-colcount={5}
        className={grid.grid}
      >
        <GridHeader sort={sort} onSortChange={props.onSortChange} selection={selection} />
        <div ref={scrollRef} className={grid.body} role="rowgroup">
          <div className={grid.inner} style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((virtualRow) => {
              const row = rows[virtualRow.index];
              if (!row) return null;
              return (
                <ResultRow
                  key={row.key}
                  bucket={bucket}
                  prefix={prefix}
                  row={row}
                  index={virtualRow.index}
                  selected={row.key === selectedKey}
                  checked={selection.selected.has(row.key)}
                  onCheck={selection.toggle}
                  actions={props.rowActions?.(row) ?? NO_ACTIONS}
                  top={virtualRow.start}
                />
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}

/** "Searching… scanned N keys · M matches" and Stop; then how it ended. */
function SearchStatus({
  search,
  prefix,
}: {
  search: SearchState & { stop: () => void };
  prefix: string;
}) {
  const counts = `scanned ${formatCount(search.scanned)} ${search.scanned === 1 ? 'key' : 'keys'} · ${formatCount(search.rows.length)} ${search.rows.length === 1 ? 'match' : 'matches'}`;
  const where = prefix === '' ? 'the bucket' : prefix;
  let text: string;
  if (search.status === 'running') text = `Searching ${where}… ${counts}`;
  else if (search.status === 'stopped') text = `Stopped: ${counts}`;
  else if (search.status === 'failed') text = `The search failed: ${errorMessage(search.error)}`;
  else if (search.truncated) {
    text = `Showed the first ${formatCount(search.rows.length)} matches; narrow the search (${counts})`;
  } else text = `Done: ${counts}`;
  return (
    <div className={styles.status}>
      <p
        role="status"
        className={clsx(styles.statusText, search.status === 'failed' && 'text-error')}
      >
        {text}
      </p>
      {search.status === 'failed' && search.rows.length > 0 ? (
        <span className={styles.note}>{counts} before it failed</span>
      ) : null}
      {search.status === 'running' ? (
        <Button size="sm" onClick={search.stop}>
          Stop
        </Button>
      ) : null}
    </div>
  );
}

type ResultRowProps = {
  bucket: string;
  prefix: string;
  row: SearchRow;
  index: number;
  selected: boolean;
  checked: boolean;
  onCheck: (key: string, checked: boolean, range: boolean) => void;
  actions: readonly MenuItem[];
  top: number;
};

/**
 * A match: its name (selects it: the details panel) and its folder (opens it, the object
 * selected). The row's accessible name is its path from the searched folder.
 */
function ResultRow({
  bucket,
  prefix,
  row,
  index,
  selected,
  checked,
  onCheck,
  actions,
  top,
}: ResultRowProps) {
  const folder = parentPrefix(row.key);
  const name = keyBasename(row.key);
  // Every match is under the searched prefix (at the bucket root, '': the whole key).
  const relative = row.key.startsWith(prefix) ? row.key.slice(prefix.length) : row.key;
  const label = visibleKey(relative);
  const folderLabel = folder === '' ? '/' : folder;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      aria-label={label}
      data-index={index}
      className={clsx(grid.row, selected && grid.selected, checked && grid.checked)}
      style={{ transform: `translateY(${String(top)}px)` }}
    >
      <div role="gridcell" className={grid.check}>
        <input
          type="checkbox"
          className={grid.checkbox}
          aria-label={`Select ${label}`}
          checked={checked}
          onChange={(event) => {
            const native = event.nativeEvent as Partial<MouseEvent>;
            onCheck(row.key, event.target.checked, native.shiftKey === true);
          }}
        />
      </div>
      <div role="gridcell" className={clsx(grid.name, styles.nameCell)}>
        <Link
          to="/b/$bucket"
          params={{ bucket }}
          search={(prev) => ({ ...prev, key: row.key })}
          replace
          aria-current={selected ? 'true' : undefined}
          className={grid.link}
          title={visibleKey(row.key)}
        >
          <FileIcon />
          <span className={grid.linkText}>
            <VisibleKey text={name} />
          </span>
        </Link>
        <Link
          to="/b/$bucket"
          params={{ bucket }}
          search={{ prefix: folder, key: row.key }}
          className={styles.folderLink}
          title={`Open ${visibleKey(folderLabel)} with this object selected`}
          aria-label={`Open folder ${visibleKey(folderLabel)}`}
        >
          <VisibleKey text={folderLabel} />
        </Link>
      </div>
      <div role="gridcell" className={grid.size}>
        <span title={formatExactBytes(row.size)}>{formatBytes(row.size)}</span>
      </div>
      <div role="gridcell" className={grid.date}>
        {formatDate(row.lastModified)}
      </div>
      <div role="gridcell" className={grid.actions}>
        {actions.length > 0 ? (
          <MenuButton
            label={`More actions for ${label}`}
            items={actions}
            className={clsx(grid.action, grid.menuButton)}
          >
            <MoreIcon />
          </MenuButton>
        ) : null}
      </div>
    </div>
  );
}
