import { useState } from 'react';
import type { ObjectVersion } from '@stowage/shared';
import { TextField } from '@/components/form/text-field';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { Dialog, DialogActions } from '@/components/ui/dialog';
import { formatBytes, formatDateTime } from '@/utils/format';
import { useDeleteVersion } from '../api/delete-version';
import { shortVersionId } from '../utils/short-version-id';
import { versionErrorMessage } from '../utils/version-errors';

type DeleteVersionDialogProps = {
  bucket: string;
  objectKey: string;
  /** The object's name as shown. */
  name: string;
  version: ObjectVersion;
  onClose: () => void;
  /** Done: what to say about it. */
  onDeleted: (text: string) => void;
};

/** What deleting this version (or delete marker) for good does, in a sentence. */
function consequence(version: ObjectVersion, name: string): string {
  if (version.isDeleteMarker && version.isLatest) {
    return `This delete marker is what hides ${name}: deleting it undeletes ${name}, and the version before it becomes current again.`;
  }
  if (version.isDeleteMarker) return 'This older delete marker goes; no content changes.';
  if (version.isLatest) {
    return `This is the current version: the version before it becomes current (or ${name} is gone, if there is none). It cannot be brought back.`;
  }
  return 'This version and its content go for good: it cannot be brought back.';
}

/** "Delete version X permanently?": the version named, and its short id typed to confirm. */
export function DeleteVersionDialog(props: DeleteVersionDialogProps) {
  const { bucket, objectKey, name, version, onClose, onDeleted } = props;
  const remove = useDeleteVersion(bucket, objectKey);
  const [typed, setTyped] = useState('');
  const short = shortVersionId(version.versionId);
  const what = version.isDeleteMarker ? 'delete marker' : 'version';
  const confirm = () => {
    if (typed !== short || remove.isPending) return;
    remove.mutate(version.versionId, {
      onSuccess: () => {
        onDeleted(
          version.isDeleteMarker && version.isLatest
            ? `Removed the delete marker: ${name} is back.`
            : `Deleted ${what} ${short} permanently.`,
        );
      },
    });
  };
  return (
    <Dialog
      title={`Delete ${what} ${short} permanently?`}
      onClose={onClose}
      dismissible={!remove.isPending}
      wide
    >
      <form
        noValidate
        aria-label={`Delete ${what} permanently`}
        onSubmit={(event) => {
          event.preventDefault();
          confirm();
        }}
      >
        <p>
          {version.isDeleteMarker ? 'Delete marker' : 'Version'}{' '}
          <code title={version.versionId}>{short}</code> of <strong>{name}</strong>
          {version.isDeleteMarker
            ? ` (${formatDateTime(version.lastModified)})`
            : ` (${formatBytes(version.size)}, ${formatDateTime(version.lastModified)})`}
          .
        </p>
        <p>{consequence(version, name)}</p>
        <TextField
          label={`Type ${short} to confirm`}
          value={typed}
          onChange={(event) => {
            setTyped(event.target.value);
          }}
          autoFocus
        />
        {remove.error ? (
          <Banner title="The delete failed.">{versionErrorMessage(remove.error)}</Banner>
        ) : null}
        <DialogActions>
          <Button onClick={onClose} disabled={remove.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" disabled={typed !== short || remove.isPending}>
            {remove.isPending ? 'Deleting…' : 'Delete permanently'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
