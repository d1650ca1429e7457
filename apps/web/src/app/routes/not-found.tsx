import { Link } from '@tanstack/react-router';
import { EmptyState } from '@/components/ui/empty-state';
import styles from './page.module.css';

export function NotFoundRoute() {
  return (
    <div className={styles.page}>
      <EmptyState title="Page not found">
        <Link to="/">Back to the bucket list</Link>
      </EmptyState>
    </div>
  );
}
