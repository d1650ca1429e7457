import { getRouteApi } from '@tanstack/react-router';
import { UploadsPage } from '@/features/uploads/components/uploads-page';
import { useMayAdminister } from '@/lib/session';
import { BucketSubpage } from './bucket-subpage';

const route = getRouteApi('/b/$bucket/uploads');

/** /b/$bucket/uploads: the unfinished multipart uploads; Abort only where the profile may. */
export function UploadsRoute() {
  const { bucket } = route.useParams();
  const mayAdminister = useMayAdminister();
  return (
    <BucketSubpage bucket={bucket} title="Unfinished uploads">
      <UploadsPage bucket={bucket} readOnly={!mayAdminister(bucket)} />
    </BucketSubpage>
  );
}
