import type { ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { visibleKey } from '@/utils/visible-key';
import styles from './page.module.css';

type BucketSubpageProps = { bucket: string; title: string; children: ReactNode };

/** A page about one bucket (its unfinished uploads, its usage): a way back, a title. */
export function BucketSubpage({ bucket, title, children }: BucketSubpageProps) {
  return (
    <div className={styles.page}>
      <nav aria-label="Breadcrumb" className={styles.crumbs}>
        <Link to="/">Buckets</Link>
        <span aria-hidden="true"> / </span>
        <Link to="/b/$bucket" params={{ bucket }} search={{ prefix: '' }}>
          {visibleKey(bucket)}
        </Link>
      </nav>
      <div className={styles.header}>
        <h1>{title}</h1>
      </div>
      {children}
    </div>
  );
}
