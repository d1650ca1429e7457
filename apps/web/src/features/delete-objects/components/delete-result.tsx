import type { DeleteObjectsResponse } from '@stowage/shared';
import { formatCount } from '@/utils/format';
import { VisibleKey } from '@/components/ui/visible-key';
import styles from './delete-result.module.css';

/** Errors listed by key before "and N more". */
const SHOWN = 20;

/** "Deleted 12 objects", and every key the store refused, with its reason. */
export function DeleteResult({ result }: { result: DeleteObjectsResponse }) {
  const { deleted, errors } = result;
  return (
    <>
      <p role="status" className={styles.result}>
        Deleted {formatCount(deleted)} {deleted === 1 ? 'object' : 'objects'}
      </p>
      {errors.length > 0 ? (
        <div role="alert" className={styles.errors}>
          <p className="text-error">
            {formatCount(errors.length)} {errors.length === 1 ? 'object' : 'objects'} could not be
            deleted:
          </p>
          <ul>
            {errors.slice(0, SHOWN).map((error) => (
              <li key={error.key}>
                <span className={styles.key}>
                  <VisibleKey text={error.key} />
                </span>
                : {error.message} ({error.code})
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
