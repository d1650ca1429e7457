import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { parentPrefix } from '@stowage/shared';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Spinner } from '@/components/ui/spinner';
import { errorMessage, isUnavailableError } from '@/lib/api-client';
import { useObjects } from '../api/get-objects';
import type { MenuItem } from '@/components/ui/menu';
import type { DraggedItems, ItemsAction } from '@/utils/items';
import type { KeyRange } from '@/utils/key-range';
import { isDefaultSort, type SortState } from '@/utils/sort-rows';
import { RowSelectionBar } from '@/components/ui/selection-bar';
import { useRowSelection } from '@/lib/use-row-selection';
import { useRowDrag } from '../hooks/use-row-drag';
import { useLoadAll } from '../hooks/use-load-all';
import { useWindowedSwitch } from '../hooks/use-windowed-switch';
import { compareKeys } from '../utils/compare-keys';
import { sortEntries, toEntries, type ListingEntry } from '../utils/listing-entries';
import { ListingPanel } from './listing-state';
import { ListingStatus } from './listing-status';
import { ObjectTable } from './object-table';
import styles from './object-listing.module.css';

const NO_ACTIONS: readonly ItemsAction[] = [];

// A big folder's windowed listing: loaded (with the probes) only once a first page is truncated.
const WindowedListing = lazy(() => import('../windowed/windowed-listing'));
const ignoreDrop = () => undefined;

/** How many pages a deep link may load to find its selected object. */
const MAX_SEEK_PAGES = 20;

/** Which actions a selection gets: of live rows, of deleted keys only, or none (both kinds). */
function selectionKind(entries: readonly ListingEntry[], selected: ReadonlySet<string>) {
  let live = 0;
  let deletedKeys = 0;
  for (const entry of entries) {
    if (!selected.has(entry.key)) continue;
    if (!entry.deleted) live += 1;
    else if (entry.kind === 'object') deletedKeys += 1;
    else return 'mixed';
  }
  if (deletedKeys === 0) return 'live';
  return live === 0 ? 'deleted' : 'mixed';
}

type ObjectListingProps = {
  bucket: string;
  prefix: string;
  selectedKey: string | undefined;
  /** What the selection bar offers; with none, rows have no checkbox. */
  selectionActions?: readonly ItemsAction[];
  /** Delete a folder and everything in it (the caller confirms first). */
  onDeleteFolder?: (prefix: string) => void;
  /** A row's "More actions" menu. */
  rowActions?: (entry: ListingEntry) => MenuItem[];
  /** Rows dropped onto a folder row (a move: the caller confirms). Without it, no dragging. */
  onDropItems?: (items: DraggedItems, to: string) => void;
  /** "Show deleted": the listing with deleted keys (greyed) and folders of only deleted keys. */
  showDeleted?: boolean;
  /** The column sort of the loaded rows (the route keeps it in the URL). */
  sort: SortState;
  onSortChange: (sort: SortState) => void;
  /** The search box's instant filter of the loaded rows (none: every row). */
  filter?: ((entry: ListingEntry) => boolean) | undefined;
  /** Delete a range of a windowed listing (the caller confirms); none: read-only. */
  onDeleteRange?: (range: KeyRange) => void;
  /** An empty folder's way to fill it (an upload button); none where the session may not write. */
  emptyAction?: ReactNode;
};

/** The folder listing: every loaded page, folders first, sortable, with its loading/empty/error states. */
export function ObjectListing(props: ObjectListingProps) {
  const { bucket, prefix, selectedKey, selectionActions = NO_ACTIONS, onDropItems } = props;
  const showDeleted = props.showDeleted === true;
  const query = useObjects(bucket, prefix, showDeleted);
  const { data, hasNextPage, isFetching, isFetchingNextPage, isFetchNextPageError, fetchNextPage } =
    query;
  const { sort, onSortChange, filter } = props;

  const { folders, objects } = useMemo(() => toEntries(data?.pages ?? []), [data]);
  const sorted = useMemo(() => sortEntries(folders, objects, sort), [folders, objects, sort]);
  const entries = useMemo(() => (filter ? sorted.filter(filter) : sorted), [sorted, filter]);
  const loadedCount = sorted.length;
  const loadAll = useLoadAll(`${bucket}\n${prefix}\n${String(showDeleted)}`, query, loadedCount);
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const selection = useRowSelection(`${bucket}\n${prefix}\n${String(showDeleted)}`, entries);
  const kind = useMemo(
    () => selectionKind(entries, selection.selected),
    [entries, selection.selected],
  );
  const selectable = selectionActions.length > 0;
  // End (the key) reached the last loaded row while the folder has more: the status says so.
  const [atLastLoaded, setAtLastLoaded] = useState<number | null>(null);
  const drag = useRowDrag(bucket, prefix, selectable ? selection : null, onDropItems ?? ignoreDrop);

  // A deep link may select an object beyond the first page: keep loading until it shows up,
  // the store's (sorted) listing has gone past it, or MAX_SEEK_PAGES is reached.
  const lastLoadedKey = data?.pages.at(-1)?.objects.at(-1)?.key;
  const pageCount = data?.pages.length ?? 0;
  const seekSelected =
    selectedKey !== undefined &&
    parentPrefix(selectedKey) === prefix &&
    (lastLoadedKey === undefined || compareKeys(lastLoadedKey, selectedKey) < 0) &&
    pageCount < MAX_SEEK_PAGES;
  useEffect(() => {
    if (seekSelected && hasNextPage && !isFetching && !isFetchNextPageError) void fetchNextPage();
  }, [seekSelected, hasNextPage, isFetching, isFetchNextPageError, fetchNextPage]);

  // "Show deleted" listings stay as they are.
  const scope = `${bucket}\n${prefix}\n${String(showDeleted)}`;
  const windowed = useWindowedSwitch(
    scope,
    bucket,
    prefix,
    showDeleted ? null : (data?.pages ?? null),
  );

  if (windowed) {
    return (
      <Suspense fallback={null}>
        <WindowedListing
          key={scope}
          bucket={bucket}
          prefix={prefix}
          map={windowed.map}
          onRefine={windowed.onRefine}
          firstPages={windowed.pages}
          selectedKey={selectedKey}
          initialSelected={selection.selected}
          selectionActions={selectionActions}
          rowActions={props.rowActions}
          onDeleteFolder={props.onDeleteFolder}
          filter={filter}
          onDeleteRange={props.onDeleteRange}
        />
      </Suspense>
    );
  }

  if (query.isPending) {
    return (
      <ListingPanel centered>
        <Spinner label="Loading objects…" />
      </ListingPanel>
    );
  }

  // Only a failed first page replaces the listing; later failures keep what is loaded.
  if (query.isError && data === undefined) {
    return (
      <ListingPanel centered>
        <Banner
          title="Could not list this folder."
          action={
            <>
              <Button size="sm" onClick={() => void query.refetch()} disabled={isFetching}>
                Retry
              </Button>
              <Link to="/">Back to the bucket list</Link>
            </>
          }
        >
          {isUnavailableError(query.error)
            ? 'The storage service is unavailable.'
            : errorMessage(query.error)}
        </Banner>
      </ListingPanel>
    );
  }

  if (sorted.length === 0 && !hasNextPage) {
    return (
      <ListingPanel centered>
        <EmptyState title="This folder is empty">
          {prefix === ''
            ? `This bucket has no objects${showDeleted ? ', deleted or not' : ''}.`
            : 'No objects or folders start with this prefix.'}
          {props.emptyAction ? <div className={styles.emptyAction}>{props.emptyAction}</div> : null}
        </EmptyState>
      </ListingPanel>
    );
  }

  return (
    <ListingPanel>
      <RowSelectionBar
        className={styles.selectionBar}
        selection={selection}
        actions={selectionActions.filter(
          (action) => kind !== 'mixed' && (action.forDeleted === true) === (kind === 'deleted'),
        )}
      />
      <ObjectTable
        key={`${bucket}/${prefix}`}
        bucket={bucket}
        prefix={prefix}
        selectedKey={selectedKey}
        entries={entries}
        sort={sort}
        onSortChange={onSortChange}
        // Filtering does not page on through the folder: Enter searches all of it.
        hasNextPage={hasNextPage && !filter}
        isFetchingNextPage={isFetchingNextPage}
        nextPageError={isFetchNextPageError ? query.error : null}
        onLoadMore={loadMore}
        selection={selectable ? selection : null}
        onDeleteFolder={props.onDeleteFolder}
        rowActions={props.rowActions}
        drag={onDropItems ? drag : null}
        onLastLoaded={setAtLastLoaded}
      />
      <ListingStatus
        count={loadedCount}
        shown={filter ? entries.length : null}
        hasMore={hasNextPage}
        partialSort={hasNextPage && !isDefaultSort(sort)}
        atLastLoaded={atLastLoaded}
        loadAll={loadAll}
      />
    </ListingPanel>
  );
}
