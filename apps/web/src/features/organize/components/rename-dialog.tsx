import { useEffect, useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { TextField } from '@/components/form/text-field';
import { Button } from '@/components/ui/button';
import { Dialog, DialogActions } from '@/components/ui/dialog';
import { visibleKey } from '@/utils/visible-key';
import { currentName, renamedKey } from '../utils/rename-name';
import { createRenameSchema, type RenameFormValues } from '../utils/rename-schema';

type RenameDialogProps = {
  /** An object's key, or a folder's prefix (ending in "/"). */
  objectKey: string;
  onCancel: () => void;
  onConfirm: (to: string) => void;
};

/** "Rename": the name, prefilled and selected; the new key stays in the same folder. */
export function RenameDialog({ objectKey, onCancel, onConfirm }: RenameDialogProps) {
  const schema = useMemo(() => createRenameSchema(objectKey), [objectKey]);
  const name = currentName(objectKey);
  const form = useForm<RenameFormValues>({
    resolver: zodResolver(schema),
    defaultValues: { name },
  });
  const isFolder = objectKey.endsWith('/');
  // The name, selected, ready to type over.
  useEffect(() => {
    form.setFocus('name', { shouldSelect: true });
  }, [form]);

  return (
    <Dialog title={`Rename ${isFolder ? 'folder ' : ''}${visibleKey(name)}`} onClose={onCancel}>
      <form
        noValidate
        onSubmit={(event) =>
          void form.handleSubmit(({ name: next }) => {
            onConfirm(renamedKey(objectKey, next));
          })(event)
        }
      >
        <TextField
          label="New name"
          error={form.formState.errors.name?.message}
          hint={isFolder ? 'Every object in the folder moves to the new name.' : undefined}
          {...form.register('name')}
        />
        <DialogActions>
          <Button onClick={onCancel}>Cancel</Button>
          <Button type="submit" variant="primary">
            Rename
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
