import type { BucketCapabilities } from '@stowage/shared';
import clsx from 'clsx';
import { versioningText } from '@/lib/capability-notes';
import styles from './versioning-status.module.css';

/** The bucket's versioning status in the toolbar, once the store has been asked. */
export function VersioningStatus({
  capabilities,
}: {
  capabilities: BucketCapabilities | undefined;
}) {
  if (!capabilities) return null;
  return (
    <p
      className={clsx(styles.status, 'muted')}
      title="Stowage shows the current version of each object"
    >
      {versioningText(capabilities)}
    </p>
  );
}
