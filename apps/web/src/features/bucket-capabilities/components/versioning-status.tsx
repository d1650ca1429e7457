import { versioningText } from '@/lib/capability-notes';
import { useBucketCapabilities } from '../api/get-bucket-capabilities';

/** The bucket's versioning status in the toolbar, once the store has been asked. */
export function VersioningStatus({ bucket }: { bucket: string }) {
  const { data } = useBucketCapabilities(bucket);
  if (!data) return null;
  return (
    <p className="bucket-status muted" title="Stowage shows the current version of each object">
      {versioningText(data)}
    </p>
  );
}
