import type { ObjectVersion } from '@stowage/shared';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { formatBytes, formatDateTime } from '@/utils/format';
import { useRestoreVersion } from '../api/restore-version';
import { shortVersionId } from '../utils/short-version-id';
import { versionErrorMessage } from '../utils/version-errors';

type RestoreVersionDialogProps = {
  bucket: string;
  objectKey: string;
  /** The object's name as shown. */
  name: string;
  version: ObjectVersion;
  onClose: () => void;
  onRestored: () => void;
};

/** "Make this version current?": copies it over the key as a new version on confirmation. */
export function RestoreVersionDialog(props: RestoreVersionDialogProps) {
  const { bucket, objectKey, name, version, onClose, onRestored } = props;
  const restore = useRestoreVersion(bucket, objectKey);
  const short = shortVersionId(version.versionId);
  return (
    <ConfirmDialog
      title="Make this version current?"
      confirmLabel="Restore"
      pendingLabel="Restoring…"
      pending={restore.isPending}
      failure={
        restore.error
          ? { title: 'The restore failed.', message: versionErrorMessage(restore.error) }
          : undefined
      }
      onConfirm={() => {
        restore.mutate(version.versionId, { onSuccess: onRestored });
      }}
      onClose={onClose}
    >
      <p>
        Version <code title={version.versionId}>{short}</code> of <strong>{name}</strong> (
        {formatBytes(version.size)}, {formatDateTime(version.lastModified)}).
      </p>
      <p>Its content, metadata and tags are copied over as a new version; the history stays.</p>
    </ConfirmDialog>
  );
}
