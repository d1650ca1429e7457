import { Button } from '@/components/ui/button';
import { formatCount } from '@/utils/format';
import type { LoadAll } from '../hooks/use-load-all';
import styles from './listing-status.module.css';

type ListingStatusProps = {
  /** Rows loaded (folders and objects). */
  count: number;
  /** With the search box's filter: how many of them match (null: no filter). */
  shown: number | null;
  hasMore: boolean;
  /** Sorted by something other than the store's order while pages remain. */
  partialSort: boolean;
  loadAll: LoadAll;
  /** The keyboard's End went to this row, then the last loaded (the folder has more). */
  atLastLoaded?: number | null;
};

/**
 * "2,634 items" when everything is loaded, "2,000 loaded, more…" while pages remain; "12 of
 * 2,000 loaded match" while filtering; when a sort covers only the loaded rows, says so and
 * offers "Load all" (up to LOAD_ALL_CAP keys).
 */
export function ListingStatus(props: ListingStatusProps) {
  const { count, shown, hasMore, partialSort, loadAll } = props;
  const loaded = hasMore
    ? `${formatCount(count)} loaded, more…`
    : `${formatCount(count)} ${count === 1 ? 'item' : 'items'}`;
  const summary =
    shown === null
      ? loaded
      : `${formatCount(shown)} of ${formatCount(count)} ${hasMore ? 'loaded ' : ''}match`;
  let note: string | null = null;
  if (shown !== null && hasMore) note = 'the folder has more: press Enter to search all of it';
  else if (partialSort) note = `Sorted the ${formatCount(count)} loaded rows; the folder has more`;
  const end = props.atLastLoaded;
  if (end != null && hasMore)
    note = `End: row ${formatCount(end)}, the last loaded; the folder has more`;
  if (loadAll.capped) note = `Loaded ${formatCount(loadAll.cap)} keys, the most "Load all" loads`;
  return (
    <div className={styles.status}>
      <p role="status" className={styles.text}>
        <span>{summary}</span>
        {note ? <span className={styles.note}> · {note}</span> : null}
      </p>
      {hasMore && !loadAll.capped && (partialSort || loadAll.running) ? (
        loadAll.running ? (
          <Button size="sm" variant="ghost" onClick={loadAll.stop}>
            Stop loading ({formatCount(count)} so far)
          </Button>
        ) : (
          <Button size="sm" onClick={loadAll.start}>
            Load all ({formatCount(count)} so far, up to {formatCount(loadAll.cap)})
          </Button>
        )
      ) : null}
    </div>
  );
}
