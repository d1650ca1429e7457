import type { BucketCapabilities } from '@stowage/shared';
import { versioningText } from '@/lib/capability-notes';

/** The bucket's versioning status in the toolbar, once the store has been asked. */
export function VersioningStatus({
  capabilities,
}: {
  capabilities: BucketCapabilities | undefined;
}) {
  if (!capabilities) return null;
  return (
    <p className="bucket-status muted" title="Stowage shows the current version of each object">
      {versioningText(capabilities)}
    </p>
  );
}
