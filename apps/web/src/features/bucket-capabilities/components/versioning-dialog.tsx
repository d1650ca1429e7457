import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { Dialog, DialogActions } from '@/components/ui/dialog';
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
    <Dialog title={`${label} on ${bucket}?`} onClose={onClose} dismissible={!put.isPending}>
      <p>
        {enable
          ? 'Every overwrite and delete will keep the previous version (a delete leaves a delete marker), which takes space until a lifecycle rule or you remove it.'
          : 'New overwrites and deletes will keep no previous version (they replace the “null” version); the versions kept so far stay.'}
      </p>
      <p>
        A bucket whose versioning was enabled once can be suspended, but never returns to “never
        enabled”.
      </p>
      {put.error ? (
        <Banner title="Versioning was not changed.">{switchError(put.error)}</Banner>
      ) : null}
      <DialogActions>
        <Button onClick={onClose} disabled={put.isPending}>
          Cancel
        </Button>
        <Button
          variant={enable ? 'primary' : 'default'}
          disabled={put.isPending}
          onClick={() => {
            put.mutate(status, { onSuccess: onClose });
          }}
        >
          {put.isPending ? 'Saving…' : label}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
