import type { ReactNode } from 'react';
import { formatCount } from '@/utils/format';
import { VisibleKey } from './visible-key';
import styles from './work-result.module.css';

/** Errors listed by key before "and N more". */
const SHOWN = 20;

/** The one-line outcome of an operation over many objects (a delete, a copy…). */
export function WorkSummary({ children }: { children: ReactNode }) {
  return (
    <p role="status" className={styles.result}>
      {children}
    </p>
  );
}

/**
 * Every key (or version) an operation did not do, with the store's reason and code: the first
 * 20, then "and N more". A key of "" is the operation itself (it stopped as a whole).
 */
export function KeyErrors({
  errors,
  heading,
}: {
  errors: readonly { key: string; code: string; message: string; versionId?: string | null }[];
  heading: string;
}) {
  if (errors.length === 0) return null;
  return (
    <div role="alert" className={styles.errors}>
      <p className="text-error">{heading}</p>
      <ul>
        {errors.slice(0, SHOWN).map((error) => (
          <li key={`${error.key}\n${error.versionId ?? ''}\n${error.code}`}>
            <span className={styles.key}>
              {error.key === '' ? '(the operation)' : <VisibleKey text={error.key} />}
            </span>
            {error.versionId ? ` (version ${error.versionId})` : ''}: {error.message} ({error.code})
          </li>
        ))}
        {errors.length > SHOWN ? (
          <li className="muted">and {formatCount(errors.length - SHOWN)} more</li>
        ) : null}
      </ul>
    </div>
  );
}
