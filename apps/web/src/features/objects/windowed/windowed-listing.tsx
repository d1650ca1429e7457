import { useEffect, useState, useSyncExternalStore } from 'react';
import { inKeyRange, type ListObjectsResponse } from '@stowage/shared';
import { RowSelectionBar } from '@/components/ui/selection-bar';
import type { MenuItem } from '@/components/ui/menu';
import { formatCount } from '@/utils/format';
import { DEFAULT_SORT } from '@/utils/sort-rows';
import type { ItemsAction } from '@/utils/items';
import type { KeyRange } from '@/utils/key-range';
import type { ListingEntry } from '../utils/listing-entries';
import { ListingPanel } from '../components/listing-state';
import { ObjectTable } from '../components/object-table';
import { GoToName } from './go-to-name';
import { pageRows, type WindowPage } from './page-rows';
import { PageWindow } from './page-window';
import type { PositionMap } from './position-map';
import { RangeBar } from './range-delete';
import { useWindowSelection } from './use-window-selection';
import { WindowedTable } from './windowed-table';
import listingStyles from '../components/object-listing.module.css';
import statusStyles from '../components/listing-status.module.css';
import styles from './windowed.module.css';

const ignore = () => undefined;

type WindowedListingProps = {
  bucket: string;
  prefix: string;
  /** The estimate the probes made (its total above the windowed threshold). */
  map: PositionMap;
  /** Subscribes to later probes' refinements of the map (`done`: the last). */
  onRefine: (listener: (done: boolean) => void) => () => void;
  /** The pages the first listing loaded: the window's start. */
  firstPages: readonly ListObjectsResponse[];
  selectedKey: string | undefined;
  /** What the first listing had checked. */
  initialSelected: ReadonlySet<string>;
  selectionActions: readonly ItemsAction[];
  rowActions: ((entry: ListingEntry) => MenuItem[]) | undefined;
  onDeleteFolder: ((prefix: string) => void) | undefined;
  filter: ((entry: ListingEntry) => boolean) | undefined;
  /** Delete a range of the folder (the caller confirms); none: read-only. */
  onDeleteRange: ((range: KeyRange) => void) | undefined;
};

function windowPages(pages: readonly ListObjectsResponse[]): WindowPage[] {
  const out: WindowPage[] = [];
  let base = 0;
  let after: string | null = null;
  for (const page of pages.slice(0, 3)) {
    const rows = pageRows(page);
    out.push({ rows, base, after, more: page.nextCursor !== null });
    base += rows.length;
    after = rows.at(-1)?.key ?? after;
  }
  return out;
}

/**
 * A big folder (more rows than a window holds): a scrollbar for the whole folder by its
 * estimate, a window of at most three pages around the view, jumps by one listing, "Go to
 * name", and a selection that reaches across the folder by range.
 */
export default function WindowedListing(props: WindowedListingProps) {
  const { bucket, prefix, map, selectedKey, filter } = props;
  const [model] = useState(
    () => new PageWindow(bucket, prefix, map, windowPages(props.firstPages)),
  );
  const { onRefine } = props;
  useEffect(() => {
    const stop = onRefine(model.refresh);
    return () => {
      stop();
      model.dispose();
    };
  }, [model, onRefine]);
  useSyncExternalStore(model.subscribe, () => model.version);
  const selection = useWindowSelection(model, props.initialSelected);
  const selectable = props.selectionActions.length > 0;
  const total = model.total();
  const exact = model.exact();
  const span = selection.range;
  // Both ends in the window of an exact listing: counted; else the map's estimate.
  const rows = model.rows();
  const counted =
    span !== null &&
    exact &&
    rows.some((r) => r.key === span.from) &&
    rows.some((r) => r.key === span.to);
  const range: KeyRange | null = span && {
    prefix,
    ...span,
    count: counted
      ? rows.filter((r) => inKeyRange(r.key, span.from, span.to)).length
      : Math.max(1, map.countBetween(span.from, span.to)),
    exact: counted,
  };
  const shown = filter ? model.rows().filter(filter) : null;

  return (
    <ListingPanel>
      <div className={styles.bar}>
        <GoToName model={model} />
      </div>
      {range ? (
        <RangeBar
          range={range}
          onDelete={
            props.onDeleteRange && selectable
              ? (r) => {
                  props.onDeleteRange?.(r);
                  selection.clearRange();
                }
              : null
          }
          onClear={selection.clearRange}
        />
      ) : (
        <RowSelectionBar
          className={listingStyles.selectionBar}
          selection={selection.rowSelection}
          actions={props.selectionActions.filter((action) => action.forDeleted !== true)}
        />
      )}
      {shown ? (
        // The instant filter: the rows of the window that match (Enter searches the folder).
        <ObjectTable
          bucket={bucket}
          prefix={prefix}
          selectedKey={selectedKey}
          entries={shown}
          sort={DEFAULT_SORT}
          onSortChange={ignore}
          hasNextPage={false}
          isFetchingNextPage={false}
          nextPageError={null}
          onLoadMore={ignore}
          selection={selectable ? selection.rowSelection : null}
          onDeleteFolder={props.onDeleteFolder}
          rowActions={props.rowActions}
          drag={null}
        />
      ) : (
        <WindowedTable
          bucket={bucket}
          prefix={prefix}
          model={model}
          selectedKey={selectedKey}
          selection={selectable ? selection : null}
          onDeleteFolder={props.onDeleteFolder}
          rowActions={props.rowActions}
        />
      )}
      <div className={statusStyles.status}>
        <p role="status" className={statusStyles.text}>
          <span>
            {shown
              ? `${formatCount(shown.length)} of the ${formatCount(rows.length)} rows shown match`
              : exact
                ? `${formatCount(total)} keys`
                : `About ${formatCount(total)} keys — positions are estimated${model.refining ? ' (refining…)' : ''}`}
          </span>
          <span className={statusStyles.note}>
            {shown
              ? ' · the filter only filters the rows shown: press Enter to search the whole folder'
              : ' · in name order (sorting by size or date needs every key)'}
          </span>
        </p>
      </div>
    </ListingPanel>
  );
}
