import { useState } from 'react';
import { FolderPrefixSchema, folderNameProblem } from '@stowage/shared';
import { TextField } from '@/components/form/text-field';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { Dialog, DialogActions } from '@/components/ui/dialog';
import formStyles from '@/components/form/form.module.css';
import { errorMessage, hasCode } from '@/lib/api-client';
import { visibleKey } from '@/utils/visible-key';
import { useCreateFolder } from '../api/create-folder';

type NewFolderDialogProps = {
  bucket: string;
  prefix: string;
  onClose: () => void;
  /** The new folder's prefix (ends in "/"). */
  onCreated: (prefix: string) => void;
};

/** Why `name` cannot be a new folder in `prefix`, or null. */
function nameProblem(prefix: string, name: string): string | null {
  const problem = folderNameProblem(name);
  if (problem) return problem;
  return FolderPrefixSchema.safeParse(`${prefix}${name}/`).error?.issues[0]?.message ?? null;
}

/** "New folder": an empty folder that stays (a zero-byte "name/" marker). Loaded lazily. */
export function NewFolderDialog({ bucket, prefix, onClose, onCreated }: NewFolderDialogProps) {
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const create = useCreateFolder(bucket);
  const busy = create.isPending;
  const exists = hasCode(create.error, 'DestinationExists');

  const submit = () => {
    const problem = nameProblem(prefix, name);
    setNameError(problem);
    if (problem || busy) return;
    create.mutate(`${prefix}${name}/`, {
      onSuccess: (folder) => {
        onCreated(folder.prefix);
      },
    });
  };

  return (
    <Dialog title="New folder" onClose={onClose} dismissible={!busy}>
      <form
        noValidate
        className={formStyles.form}
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <TextField
          label="Folder name"
          hint={prefix ? `In ${visibleKey(prefix)}.` : 'At the top of the bucket.'}
          error={
            nameError ??
            (exists
              ? `A folder named “${name}” exists here already: open it from the list.`
              : undefined)
          }
          autoFocus
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            setNameError(null);
            create.reset();
          }}
        />
        {create.error && !exists ? (
          <Banner title="Could not create the folder.">{errorMessage(create.error)}</Banner>
        ) : null}
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
