import { BucketList } from '@/features/buckets/components/bucket-list';
import styles from './page.module.css';

export function BucketsRoute() {
  return (
    <div className={styles.page}>
      <div className={styles.header}>
        <h1>Buckets</h1>
      </div>
      <BucketList />
    </div>
  );
}
