import { BucketList } from '@/features/buckets/components/bucket-list';

export function BucketsRoute() {
  return (
    <div className="page">
      <div className="page__header">
        <h1>Buckets</h1>
      </div>
      <BucketList />
    </div>
  );
}
