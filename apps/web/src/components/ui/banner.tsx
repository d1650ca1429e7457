import type { ReactNode } from 'react';
import clsx from 'clsx';
import styles from './banner.module.css';

type BannerProps = {
  tone?: 'error' | 'warning' | 'info';
  title?: string;
  children: ReactNode;
  action?: ReactNode;
  className?: string;
};

/** A message strip; errors and warnings are announced (role="alert"). */
export function Banner({ tone = 'error', title, children, action, className }: BannerProps) {
  return (
    <div
      className={clsx(
        styles.banner,
        tone === 'warning' && styles.warning,
        tone === 'info' && styles.info,
        className,
      )}
      role={tone === 'info' ? 'status' : 'alert'}
    >
      <div className={styles.text}>
        {title ? <strong className={styles.title}>{title}</strong> : null}
        <span>{children}</span>
      </div>
      {action ? <div className={styles.action}>{action}</div> : null}
    </div>
  );
}

/** A line of advice under a banner's message ("Try again in 30 seconds."). */
export function BannerHint({ children }: { children: ReactNode }) {
  return <span className={styles.hint}>{children}</span>;
}
