import { getRouteApi } from '@tanstack/react-router';
import { UsagePanel } from '@/features/usage/components/usage-panel';
import { visibleKey } from '@/utils/visible-key';
import { BucketSubpage } from './bucket-subpage';

const route = getRouteApi('/b/$bucket/usage');

/** /b/$bucket/usage?prefix=: what the bucket, or one folder of it, holds. */
export function UsageRoute() {
  const { bucket } = route.useParams();
  const { prefix } = route.useSearch();
  return (
    <BucketSubpage
      bucket={bucket}
      title={prefix === '' ? 'Usage' : `Usage of ${visibleKey(prefix)}`}
    >
      <UsagePanel key={`${bucket}\n${prefix}`} bucket={bucket} prefix={prefix} />
    </BucketSubpage>
  );
}
