import type { EmptyBucketResult } from '@stowage/shared';
import { VisibleKey } from '@/components/ui/visible-key';
import { formatCount } from '@/utils/format';
import styles from './bucket-admin.module.css';

/** Errors listed by key before "and N more". */
const SHOWN = 20;

/** "Deleted 12 objects, versions and delete markers; aborted 1 unfinished upload", then errors. */
export function EmptyReport({ result }: { result: EmptyBucketResult }) {
  const { deleted, uploadsAborted, errors, cancelled } = result;
  const parts = [`Deleted ${formatCount(deleted)} ${deleted === 1 ? 'entry' : 'entries'}`];
  if (uploadsAborted > 0) {
    parts.push(
      `aborted ${formatCount(uploadsAborted)} unfinished ${uploadsAborted === 1 ? 'upload' : 'uploads'}`,
    );
  }
  if (cancelled) parts.push('then stopped');
  return (
    <>
      <p role="status" className={styles.result}>
        {parts.join(', ')}.
      </p>
      {errors.length > 0 ? (
        <div role="alert" className={styles.errors}>
          <p className="text-error">
            {formatCount(errors.length)} could not be deleted; the bucket is not empty:
          </p>
          <ul>
            {errors.slice(0, SHOWN).map((error) => (
              <li key={`${error.key}\n${error.versionId ?? ''}\n${error.code}`}>
                <span className={styles.key}>
                  {error.key === '' ? '(the bucket)' : <VisibleKey text={error.key} />}
                </span>
                {error.versionId ? ` (version ${error.versionId})` : ''}: {error.message} (
                {error.code})
              </li>
            ))}
            {errors.length > SHOWN ? (
              <li className="muted">and {formatCount(errors.length - SHOWN)} more</li>
            ) : null}
          </ul>
        </div>
      ) : null}
    </>
  );
}
