import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { GridHeader } from '@/components/ui/grid-header';
import type { MenuItem } from '@/components/ui/menu';
import { getRowHeight } from '@/lib/row-height';
import { keyGrid } from '@/lib/shortcuts';
import { useScrollbarWidth } from '@/lib/use-scrollbar-width';
import { DEFAULT_SORT } from '@/utils/sort-rows';
import type { ListingEntry } from '../utils/listing-entries';
import { ListingLoadState } from '../components/listing-state';
import { ObjectRow } from '../components/object-row';
import type { PageWindow } from './page-window';
import { scrollFromTop, scrollHeightFor, topFromScroll, type ScrollGeometry } from './scroll-math';
import type { WindowSelection } from './use-window-selection';
import styles from '@/components/ui/object-grid.module.css';
import windowStyles from './windowed.module.css';

const NO_ACTIONS: readonly MenuItem[] = [];
/** Rows rendered above and below the viewport. */
const OVERSCAN = 6;
const ignoreSort = () => undefined;

type WindowedTableProps = {
  bucket: string;
  prefix: string;
  model: PageWindow;
  selectedKey: string | undefined;
  selection: WindowSelection | null;
  onDeleteFolder: ((prefix: string) => void) | undefined;
  rowActions: ((entry: ListingEntry) => MenuItem[]) | undefined;
};

/**
 * The windowed grid: a scroller whose height stands for the whole folder, rows rendered only
 * for the viewport from the model's window of pages (same grid, rows and keys as ObjectTable).
 */
export function WindowedTable(props: WindowedTableProps) {
  const { bucket, prefix, model, selectedKey, selection } = props;
  useSyncExternalStore(model.subscribe, () => model.version);
  const scrollRef = useRef<HTMLDivElement>(null);
  // Scroll positions this component set: their scroll events are not drags.
  const ours = useRef<number[]>([]);
  const [clientHeight, setClientHeight] = useState(0);
  useScrollbarWidth(scrollRef);
  const rowHeight = getRowHeight();
  const total = model.total();
  const geometry: ScrollGeometry = { total, rowHeight, clientHeight };
  const height = scrollHeightFor(geometry);
  const scrollTop = scrollFromTop(model.top, geometry);

  // The viewport's height: how many rows the view holds.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const measure = () => {
      setClientHeight(el.clientHeight);
      model.setView(model.top, el.clientHeight / rowHeight);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => {
      observer.disconnect();
    };
  }, [model, rowHeight]);

  // The scrollbar follows the view (a wheel, a key, a new estimate): set, and known as ours.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el || Math.abs(el.scrollTop - scrollTop) <= 1) return;
    el.scrollTop = scrollTop;
    ours.current = [...ours.current.slice(-3), el.scrollTop];
  });

  // The wheel moves by rows, not by the scaled fraction of the scrollbar.
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const onWheel = (event: WheelEvent) => {
      if (event.deltaY === 0 || event.ctrlKey) return;
      event.preventDefault();
      const px = event.deltaMode === 1 ? event.deltaY * rowHeight : event.deltaY;
      model.setView(model.top + px / rowHeight);
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      el.removeEventListener('wheel', onWheel);
    };
  }, [model, rowHeight]);

  const onScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    const at = el.scrollTop;
    const now = { ...geometry, clientHeight: el.clientHeight };
    if (Math.abs(at - scrollFromTop(model.top, now)) <= 1) return;
    if (ours.current.some((px) => Math.abs(at - px) <= 1)) return;
    ours.current = [];
    const delta = at - scrollFromTop(model.top, now);
    // A small scroll (arrow keys on the scroller, a focused row brought into view) moves by
    // rows; a drag of the thumb (or scrollTop set) is a fraction of the folder.
    if (Math.abs(delta) <= 2 * el.clientHeight) model.setView(model.top + delta / rowHeight);
    else model.setView(topFromScroll(at, now));
  };

  const scrollToIndex = (index: number) => {
    const viewRows = model.viewRows;
    if (index < model.top) model.setView(index);
    else if (index + 1 > model.top + viewRows) model.setView(index + 1 - viewRows);
  };
  const selectedIndex = findRank(model, selectedKey);
  useEffect(() => {
    keyGrid.current = {
      scroller: scrollRef.current,
      scrollToIndex,
      count: total,
      entryAt: (index) => model.rowAt(index),
      hasMore: false,
      selectedIndex,
      selection: selection?.rowSelection ?? null,
      onLastLoaded: undefined,
    };
    return () => {
      keyGrid.current = null;
    };
  });

  const first = Math.max(0, Math.floor(model.top) - OVERSCAN);
  const last = Math.min(total - 1, Math.floor(model.top + model.viewRows) + OVERSCAN);
  const rows = [];
  let missing = false;
  for (let rank = first; rank <= last; rank++) {
    const entry = model.rowAt(rank);
    if (!entry) {
      if (rank >= model.top - 1 && rank <= model.top + model.viewRows) missing = true;
      continue;
    }
    const y = scrollTop + (rank - model.top) * rowHeight;
    rows.push(
      <ObjectRow
        key={`${entry.kind}:${entry.key}`}
        bucket={bucket}
        prefix={prefix}
        entry={entry}
        index={rank}
        selected={entry.kind === 'object' && entry.key === selectedKey}
        checked={selection?.isChecked(entry.key) === true}
        onCheck={selection?.toggle}
        onDeleteFolder={props.onDeleteFolder}
        actions={props.rowActions?.(entry) ?? NO_ACTIONS}
        drag={null}
        style={{ transform: `translateY(${String(y)}px)` }}
      />,
    );
  }

  return (
    <div
      role="grid"
      aria-label="Objects"
      aria-rowcount={model.exact() ? total + 1 : -1}
      aria-colcount={5}
      className={styles.grid}
    >
      <GridHeader
        sort={DEFAULT_SORT}
        onSortChange={ignoreSort}
        selection={null}
        sortOff="This folder is shown in name order, a window at a time: sorting by size or date needs every key (search the folder instead)."
      />
      <div
        ref={scrollRef}
        className={styles.body}
        role="rowgroup"
        tabIndex={-1}
        onScroll={onScroll}
      >
        <div className={styles.inner} style={{ height }}>
          {rows}
          {model.error !== null || missing ? (
            <div
              className={windowStyles.note}
              style={{ transform: `translateY(${String(scrollTop)}px)` }}
            >
              <ListingLoadState
                error={model.error}
                failed="Could not list these rows"
                loading="Loading rows…"
                onRetry={model.retry}
              />
            </div>
          ) : null}
        </div>
      </div>
    </div>
  );
}

/** The rank of the open object when it is in the window (-1: not). */
function findRank(model: PageWindow, key: string | undefined): number {
  if (key === undefined) return -1;
  for (const page of model.pages) {
    const i = page.rows.findIndex((row) => row.key === key);
    if (i >= 0) return page.base + i;
  }
  return -1;
}
