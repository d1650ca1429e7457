import { lazy, Suspense, useState } from 'react';
import type { BucketCapabilities } from '@stowage/shared';
import clsx from 'clsx';
import { Button } from '@/components/ui/button';
import { versioningText } from '@/lib/capability-notes';
import styles from './versioning-status.module.css';

// The confirmation (and its write) on first use: not on the first screen.
const VersioningDialog = lazy(() =>
  import('./versioning-dialog').then((m) => ({ default: m.VersioningDialog })),
);

type VersioningStatusProps = {
  bucket: string;
  capabilities: BucketCapabilities | undefined;
  /** May this session change the bucket (not read-only, in its allowlist)? */
  canChange: boolean;
};

/**
 * The bucket's versioning status in the toolbar, once the store has been asked, with
 * "Enable" (off or suspended) or "Suspend" (on) where the store versions and the session may
 * write.
 */
export function VersioningStatus({ bucket, capabilities, canChange }: VersioningStatusProps) {
  const [asking, setAsking] = useState<'Enabled' | 'Suspended' | null>(null);
  if (!capabilities) return null;
  const { versioning } = capabilities;
  const target =
    versioning === 'Enabled'
      ? 'Suspended'
      : versioning === 'Off' || versioning === 'Suspended'
        ? 'Enabled'
        : null;
  return (
    <div className={styles.wrap}>
      <p
        className={clsx(styles.status, 'muted')}
        title={
          versioning === 'Enabled' || versioning === 'Suspended'
            ? 'An object’s older versions are in its Versions tab'
            : 'Stowage shows the current version of each object'
        }
      >
        {versioningText(capabilities)}
      </p>
      {canChange && target ? (
        <Button
          size="sm"
          variant="ghost"
          aria-label={target === 'Enabled' ? 'Enable versioning' : 'Suspend versioning'}
          onClick={() => {
            setAsking(target);
          }}
        >
          {target === 'Enabled' ? 'Enable' : 'Suspend'}
        </Button>
      ) : null}
      {asking ? (
        <Suspense fallback={null}>
          <VersioningDialog
            bucket={bucket}
            status={asking}
            onClose={() => {
              setAsking(null);
            }}
          />
        </Suspense>
      ) : null}
    </div>
  );
}
