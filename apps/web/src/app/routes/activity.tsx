import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { ActivityPage } from '@/features/activity/components/activity-page';
import styles from './page.module.css';

const route = getRouteApi('/activity');

/** /activity?bucket=&user=&action=: the audit log's recent entries (admins only). */
export function ActivityRoute() {
  const filters = route.useSearch();
  const navigate = useNavigate();
  return (
    <div className={styles.page}>
      <div className={styles.header}>
        <h1>Activity</h1>
      </div>
      <ActivityPage
        key={JSON.stringify(filters)}
        filters={filters}
        onFilter={(next) => void navigate({ to: '/activity', search: next })}
      />
    </div>
  );
}
