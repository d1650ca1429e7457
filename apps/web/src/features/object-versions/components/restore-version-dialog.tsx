import type { ObjectVersion } from '@stowage/shared';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { Dialog, DialogActions } from '@/components/ui/dialog';
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
    <Dialog title="Make this version current?" onClose={onClose} dismissible={!restore.isPending}>
      <p>
        Version <code title={version.versionId}>{short}</code> of <strong>{name}</strong> (
        {formatBytes(version.size)}, {formatDateTime(version.lastModified)}).
      </p>
      <p>Its content, metadata and tags are copied over as a new version; the history stays.</p>
      {restore.error ? (
        <Banner title="The restore failed.">{versionErrorMessage(restore.error)}</Banner>
      ) : null}
      <DialogActions>
        <Button onClick={onClose} disabled={restore.isPending}>
          Cancel
        </Button>
        <Button
          variant="primary"
          disabled={restore.isPending}
          onClick={() => {
            restore.mutate(version.versionId, { onSuccess: onRestored });
          }}
        >
          {restore.isPending ? 'Restoring…' : 'Restore'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
