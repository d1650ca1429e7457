import { Spinner } from '@/components/ui/spinner';
import { errorMessage } from '@/lib/api-client';
import { formatBytes, formatCount } from '@/utils/format';
import { VisibleKey } from '@/components/ui/visible-key';
import { usePrefixSummary } from '../api/get-prefix-summary';
import styles from './folder-summary.module.css';

/** "This deletes 1,234 objects (5.6 MB) in photos/." */
export function FolderSummary({ bucket, prefix }: { bucket: string; prefix: string }) {
  const { data, error, isPending } = usePrefixSummary(bucket, prefix);
  if (isPending) return <Spinner label="Counting objects…" inline />;
  if (error) {
    return (
      <p className="text-error">
        Could not count the objects in this folder: {errorMessage(error)}. Deleting still removes
        all of them.
      </p>
    );
  }
  const count = data.truncated
    ? `more than ${formatCount(data.count)} objects`
    : `${formatCount(data.count)} ${data.count === 1 ? 'object' : 'objects'}`;
  const size = data.truncated
    ? `at least ${formatBytes(data.totalSize)}`
    : formatBytes(data.totalSize);
  return (
    <p>
      This deletes <strong>{count}</strong> ({size}) in{' '}
      <span className={styles.key}>
        <VisibleKey text={prefix} />
      </span>
      , including every subfolder.
    </p>
  );
}
