import type { CopyResult } from '@stowage/shared';
import { VisibleKey } from '@/components/ui/visible-key';
import { formatCount } from '@/utils/format';
import styles from './operation-dialog.module.css';

/** Errors listed by key before "and N more". */
const SHOWN = 20;

function objects(n: number): string {
  return `${formatCount(n)} ${n === 1 ? 'object' : 'objects'}`;
}

/** "Copied 12 objects, 2 skipped", then every key that failed with the store's reason. */
export function OperationReport({ result, verb }: { result: CopyResult; verb: string }) {
  const { copied, skipped, errors, cancelled } = result;
  const parts = [`${verb} ${objects(copied)}`];
  if (skipped > 0) parts.push(`${formatCount(skipped)} skipped (the name was taken)`);
  if (cancelled) parts.push('then cancelled');
  return (
    <>
      <p role="status" className={styles.result}>
        {parts.join(', ')}
      </p>
      {errors.length > 0 ? (
        <div role="alert" className={styles.errors}>
          <p className="text-error">{objects(errors.length)} failed:</p>
          <ul>
            {errors.slice(0, SHOWN).map((error) => (
              <li key={`${error.key}\n${error.code}`}>
                <span className={styles.key}>
                  {error.key === '' ? '(the operation)' : <VisibleKey text={error.key} />}
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
