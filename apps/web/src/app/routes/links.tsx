import { getRouteApi } from '@tanstack/react-router';
import { LinksPage } from '@/features/share/components/links-page';
import { useReadOnly } from '@/lib/session';
import { BucketSubpage } from './bucket-subpage';

const route = getRouteApi('/b/$bucket/links');

/** /b/$bucket/links: the share and upload links made through Stowage; Revoke unless read-only. */
export function LinksRoute() {
  const { bucket } = route.useParams();
  const readOnly = useReadOnly();
  return (
    <BucketSubpage bucket={bucket} title="Links">
      <LinksPage bucket={bucket} readOnly={readOnly} />
    </BucketSubpage>
  );
}
