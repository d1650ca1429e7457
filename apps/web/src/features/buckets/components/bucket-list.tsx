import clsx from 'clsx';
import type { ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { BucketIcon } from '@/components/ui/icons';
import { Spinner } from '@/components/ui/spinner';
import { errorMessage, isUnavailableError } from '@/lib/api-client';
import { formatDate, formatCount } from '@/utils/format';
import { VisibleKey } from '@/components/ui/visible-key';
import { useBuckets } from '../api/get-buckets';
import tableStyles from '@/components/ui/data-table.module.css';
import styles from './bucket-list.module.css';

type BucketListProps = {
  /** A bucket's own actions (Delete), composed by the route; none when it returns null. */
  rowActions?: (bucket: string) => ReactNode;
};

export function BucketList({ rowActions }: BucketListProps) {
  const { data, error, isPending, isFetching, refetch } = useBuckets();

  if (isPending) return <Spinner label="Loading buckets…" />;

  if (error) {
    // Store outages are already explained by the app-wide banner.
    return (
      <Banner
        title="Could not load buckets."
        action={
          <Button size="sm" onClick={() => void refetch()} disabled={isFetching}>
            Retry
          </Button>
        }
      >
        {isUnavailableError(error) ? 'The storage service is unavailable.' : errorMessage(error)}
      </Banner>
    );
  }

  if (data.buckets.length === 0) {
    return (
      <EmptyState title="No buckets">
        The configured credentials do not see any bucket on this store.
      </EmptyState>
    );
  }

  return (
    <div className={tableStyles.card}>
      <table className={clsx(tableStyles.table, styles.rows)} aria-label="Buckets">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col" className={clsx(tableStyles.date, styles.date)}>
              Created
            </th>
            {rowActions ? (
              <th scope="col" className={tableStyles.actions}>
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {data.buckets.map((bucket) => (
            <tr key={bucket.name}>
              <td>
                <Link
                  to="/b/$bucket"
                  params={{ bucket: bucket.name }}
                  search={{ prefix: '' }}
                  className={styles.link}
                >
                  <BucketIcon />
                  <span>
                    <VisibleKey text={bucket.name} />
                  </span>
                </Link>
              </td>
              <td className={clsx(tableStyles.date, styles.date)}>
                {formatDate(bucket.creationDate)}
              </td>
              {rowActions ? (
                <td className={tableStyles.actions}>{rowActions(bucket.name)}</td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      <p className={tableStyles.footer} role="status">
        {formatCount(data.buckets.length)} {data.buckets.length === 1 ? 'bucket' : 'buckets'}
      </p>
    </div>
  );
}
