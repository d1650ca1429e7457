import type { MultipartUpload } from '@stowage/shared';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { Dialog, DialogActions } from '@/components/ui/dialog';
import { VisibleKey } from '@/components/ui/visible-key';
import { errorMessage } from '@/lib/api-client';
import { formatBytes, formatCount } from '@/utils/format';
import { useAbortUpload } from '../api/abort-upload';

type AbortUploadDialogProps = { bucket: string; upload: MultipartUpload; onClose: () => void };

/** Confirms aborting one unfinished upload: its parts are deleted, the object never appears. */
export function AbortUploadDialog({ bucket, upload, onClose }: AbortUploadDialogProps) {
  const abort = useAbortUpload(bucket);
  return (
    <Dialog title="Abort this upload?" onClose={onClose} dismissible={!abort.isPending}>
      {abort.error ? (
        <Banner title="The upload was not aborted.">{errorMessage(abort.error)}</Banner>
      ) : null}
      <p>
        The unfinished upload of <VisibleKey text={upload.key} /> will be aborted: its{' '}
        {formatCount(upload.parts)} {upload.parts === 1 ? 'part' : 'parts'} (
        {formatBytes(upload.bytes)}) are deleted and it can no longer be completed.
      </p>
      <DialogActions>
        <Button onClick={onClose} disabled={abort.isPending}>
          Cancel
        </Button>
        <Button
          variant="danger"
          disabled={abort.isPending}
          onClick={() => {
            abort.mutate(upload, { onSuccess: onClose });
          }}
        >
          {abort.isPending ? 'Aborting…' : 'Abort upload'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
