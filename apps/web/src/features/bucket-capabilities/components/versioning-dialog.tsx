import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { errorMessage, hasCode } from '@/lib/api-client';
import { usePutVersioning } from '../api/put-versioning';

type VersioningDialogProps = {
  bucket: string;
  /** What the bucket's versioning becomes. */
  status: 'Enabled' | 'Suspended';
  onClose: () => void;
};

/** Why the switch failed, in a sentence. */
function switchError(error: unknown): string {
  if (hasCode(error, 'VersioningUnsupported', 'NotSupported')) {
    return 'This store does not support versioning.';
  }
  if (hasCode(error, 'StoreRefused')) {
    return 'The store refused: these credentials may not change the bucket’s versioning.';
  }
  return errorMessage(error);
}

/** "Enable versioning?" / "Suspend versioning?": what it does, that there is no way back to "never enabled". */
export function VersioningDialog({ bucket, status, onClose }: VersioningDialogProps) {
  const put = usePutVersioning(bucket);
  const enable = status === 'Enabled';
  const label = enable ? 'Enable versioning' : 'Suspend versioning';
  return (
    <ConfirmDialog
      title={`${label} on ${bucket}?`}
      confirmLabel={label}
      pendingLabel="Saving…"
      variant={enable ? 'primary' : 'default'}
      pending={put.isPending}
      failure={
        put.error
          ? { title: 'Versioning was not changed.', message: switchError(put.error) }
          : undefined
      }
      onConfirm={() => {
        put.mutate(status, { onSuccess: onClose });
      }}
      onClose={onClose}
    >
      <p>
        {enable
          ? 'Every overwrite and delete will keep the previous version (a delete leaves a delete marker), which takes space until a lifecycle rule or you remove it.'
          : 'New overwrites and deletes will keep no previous version (they replace the “null” version); the versions kept so far stay.'}
      </p>
      <p>
        A bucket whose versioning was enabled once can be suspended, but never returns to “never
        enabled”.
      </p>
    </ConfirmDialog>
  );
}
