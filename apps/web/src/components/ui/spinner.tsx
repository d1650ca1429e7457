import clsx from 'clsx';
import styles from './spinner.module.css';

type SpinnerProps = { label?: string; inline?: boolean };

/**
 * An indeterminate progress indicator with a visible label. It is a progressbar, not a
 * status, so that `role="status"` stays unique to each page's status line.
 */
export function Spinner({ label = 'Loading…', inline = false }: SpinnerProps) {
  return (
    <div
      className={clsx(styles.spinner, inline && styles.inline)}
      role="progressbar"
      aria-label={label}
    >
      <span className={styles.circle} aria-hidden="true" />
      <span aria-hidden="true">{label}</span>
    </div>
  );
}
