/* eslint react-hooks/incompatible-library: "off" -- TanStack Virtual is fine without React Compiler, which this app does not use. */
import { useEffect, useMemo, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { getRowHeight } from '@/lib/row-height';
import { useScrollbarWidth } from '@/lib/use-scrollbar-width';
import { keyGrid } from '@/lib/shortcuts';
import type { MenuItem } from '@/components/ui/menu';
import type { RowDrag } from '../hooks/use-row-drag';
import type { RowSelection } from '@/lib/use-row-selection';
import type { ListingEntry } from '../utils/listing-entries';
import type { SortState } from '@/utils/sort-rows';
import { useGridFocus } from '../hooks/use-grid-focus';
import { ListingLoadState } from './listing-state';
import { ObjectRow } from './object-row';
import { GridHeader } from '@/components/ui/grid-header';
import styles from '@/components/ui/object-grid.module.css';

const NO_ACTIONS: readonly MenuItem[] = [];

/** Start fetching the next page when the viewport gets this close to the end of what is loaded. */
const LOAD_AHEAD_ROWS = 60;

type ObjectTableProps = {
  bucket: string;
  prefix: string;
  selectedKey: string | undefined;
  entries: ListingEntry[];
  sort: SortState;
  onSortChange: (sort: SortState) => void;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  nextPageError: Error | null;
  onLoadMore: () => void;
  /** Null when nothing can be done with checked rows (read-only): no checkboxes. */
  selection: RowSelection | null;
  onDeleteFolder: ((prefix: string) => void) | undefined;
  /** A row's "More actions" menu (none: no menu button). */
  rowActions: ((entry: ListingEntry) => MenuItem[]) | undefined;
  /** Null when rows cannot be moved (read-only): not draggable. */
  drag: RowDrag | null;
  /** End (the key) went to the last loaded row (its number) while more pages remain; null: moved on. */
  onLastLoaded?: (row: number | null) => void;
};

/** The virtualized listing: only the rows in (and near) the viewport are in the DOM. */
export function ObjectTable(props: ObjectTableProps) {
  const {
    bucket,
    prefix,
    selectedKey,
    entries,
    hasNextPage,
    isFetchingNextPage,
    nextPageError,
    onLoadMore,
    selection,
  } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowCount = entries.length + (hasNextPage ? 1 : 0);

  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: getRowHeight,
    overscan: 12,
  });
  const virtualRows = virtualizer.getVirtualItems();
  useScrollbarWidth(scrollRef);

  // Another sort is another order: start again from its first row (before a selected row is
  // revealed, below).
  const { column, direction } = props.sort;
  useEffect(() => {
    virtualizer.scrollToOffset(0);
  }, [column, direction, virtualizer]);
  const lastVisibleIndex = virtualRows.at(-1)?.index ?? -1;

  useEffect(() => {
    const nearEnd = lastVisibleIndex >= entries.length - LOAD_AHEAD_ROWS;
    if (nearEnd && hasNextPage && !isFetchingNextPage && !nextPageError) onLoadMore();
  }, [
    lastVisibleIndex,
    entries.length,
    hasNextPage,
    isFetchingNextPage,
    nextPageError,
    onLoadMore,
  ]);

  const selectedIndex = useMemo(
    () =>
      selectedKey === undefined
        ? -1
        : entries.findIndex((e) => e.kind === 'object' && e.key === selectedKey),
    [entries, selectedKey],
  );
  // Bring a newly selected object into view (deep links, "Go to path"), once per selection,
  // so pages arriving later never yank the viewport back while the user scrolls.
  const revealedKeyRef = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (selectedIndex < 0 || revealedKeyRef.current === selectedKey) return;
    revealedKeyRef.current = selectedKey;
    virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, selectedKey, virtualizer]);

  // A row deleted under the focus (or with a dialog's opener): the focus stays in the grid.
  useGridFocus(scrollRef, entries, (index) => {
    virtualizer.scrollToIndex(index, { align: 'auto' });
  });

  // The rows' keys (arrows, j/k, Home/End, Page Up/Down, Space, x, Enter) are lib/keymap.ts's.
  useEffect(() => {
    keyGrid.current = {
      scroller: scrollRef.current,
      scrollToIndex: (index) => {
        virtualizer.scrollToIndex(index, { align: 'auto' });
      },
      count: entries.length,
      entryAt: (index) => entries[index],
      hasMore: hasNextPage,
      selectedIndex,
      selection,
      onLastLoaded: props.onLastLoaded,
    };
    return () => {
      keyGrid.current = null;
    };
  });

  return (
    <div
      role="grid"
      aria-label="Objects"
      // -1: the total is unknown while more pages remain (ARIA); +1 counts the header row.
      aria-rowcount={hasNextPage ? -1 : entries.length + 1}
      aria-colcount={5}
      className={styles.grid}
    >
      <GridHeader sort={props.sort} onSortChange={props.onSortChange} selection={selection} />
      <div ref={scrollRef} className={styles.body} role="rowgroup" tabIndex={-1}>
        <div className={styles.inner} style={{ height: virtualizer.getTotalSize() }}>
          {virtualRows.map((virtualRow) => {
            const style = { transform: `translateY(${String(virtualRow.start)}px)` };
            const entry = entries[virtualRow.index];
            if (!entry) {
              return (
                <div
                  key="load-more"
                  role="row"
                  aria-rowindex={virtualRow.index + 2}
                  className={styles.row}
                  style={style}
                >
                  <div role="gridcell" aria-colspan={5} className={styles.more}>
                    <ListingLoadState
                      error={nextPageError}
                      failed="Could not load more"
                      loading="Loading more…"
                      onRetry={onLoadMore}
                    />
                  </div>
                </div>
              );
            }
            return (
              <ObjectRow
                key={`${entry.kind}:${entry.key}`}
                bucket={bucket}
                prefix={prefix}
                entry={entry}
                index={virtualRow.index}
                selected={virtualRow.index === selectedIndex}
                checked={selection?.selected.has(entry.key) === true}
                onCheck={selection?.toggle}
                onDeleteFolder={props.onDeleteFolder}
                actions={props.rowActions?.(entry) ?? NO_ACTIONS}
                drag={props.drag}
                style={style}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
