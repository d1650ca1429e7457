import type { MultipartUpload } from '@stowage/shared';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { VisibleKey } from '@/components/ui/visible-key';
import { errorMessage } from '@/lib/api-client';
import { formatBytes, formatCount } from '@/utils/format';
import { useAbortUpload } from '../api/abort-upload';

type AbortUploadDialogProps = { bucket: string; upload: MultipartUpload; onClose: () => void };

/** Confirms aborting one unfinished upload: its parts are deleted, the object never appears. */
export function AbortUploadDialog({ bucket, upload, onClose }: AbortUploadDialogProps) {
  const abort = useAbortUpload(bucket);
  return (
    <ConfirmDialog
      title="Abort this upload?"
      confirmLabel="Abort upload"
      pendingLabel="Aborting…"
      variant="danger"
      pending={abort.isPending}
      failure={
        abort.error
          ? { title: 'The upload was not aborted.', message: errorMessage(abort.error) }
          : undefined
      }
      onConfirm={() => {
        abort.mutate(upload, { onSuccess: onClose });
      }}
      onClose={onClose}
    >
      <p>
        The unfinished upload of <VisibleKey text={upload.key} /> will be aborted: its{' '}
        {formatCount(upload.parts)} {upload.parts === 1 ? 'part' : 'parts'} (
        {formatBytes(upload.bytes)}) are deleted and it can no longer be completed.
      </p>
    </ConfirmDialog>
  );
}
