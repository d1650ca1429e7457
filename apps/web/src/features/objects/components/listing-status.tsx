import { formatCount } from '@/utils/format';
import styles from './listing-status.module.css';

type ListingStatusProps = { count: number; hasMore: boolean; partialSort: boolean };

/** "2,634 items" when everything is loaded, "2,000 loaded, more…" while pages remain. */
export function ListingStatus({ count, hasMore, partialSort }: ListingStatusProps) {
  const summary = hasMore
    ? `${formatCount(count)} loaded, more…`
    : `${formatCount(count)} ${count === 1 ? 'item' : 'items'}`;
  return (
    <p role="status" className={styles.status}>
      <span>{summary}</span>
      {partialSort ? (
        <span className={styles.note}>
          {' '}
          · sorted over the {formatCount(count)} loaded items; scroll to load the rest
        </span>
      ) : null}
    </p>
  );
}
