import { useFieldArray, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { METADATA_ROW_LABELS } from '@/components/form/metadata-row-labels';
import { NameValueRows } from '@/components/form/name-value-rows';
import { TextField } from '@/components/form/text-field';
import { Button } from '@/components/ui/button';
import { Dialog, DialogActions } from '@/components/ui/dialog';
import formStyles from '@/components/form/form.module.css';
import { metadataToRows } from '@/lib/metadata-rows';
import { useUpload } from '../hooks/use-upload';
import type { UploadOptions } from '../utils/prepare-batch';
import {
  UploadOptionsFormSchema,
  type UploadOptionsFormValues,
} from '../utils/upload-options-schema';

/** Content type and user metadata for the next uploads (loaded lazily: zod, react-hook-form). */
export function UploadOptionsDialog({ onClose }: { onClose: () => void }) {
  const { options, setOptions } = useUpload();
  const form = useForm<UploadOptionsFormValues, unknown, UploadOptions>({
    resolver: zodResolver(UploadOptionsFormSchema),
    defaultValues: {
      contentType: options.contentType ?? '',
      metadata: metadataToRows(options.metadata ?? {}),
    },
  });
  const rows = useFieldArray({ control: form.control, name: 'metadata' });
  const { errors } = form.formState;

  return (
    <Dialog title="Upload options" onClose={onClose} wide>
      <form
        noValidate
        className={formStyles.form}
        onSubmit={form.handleSubmit((values) => {
          setOptions(values);
          onClose();
        })}
      >
        <p className="muted">
          Applied to every file of the next uploads until cleared. Values may use any characters;
          non-ASCII text is stored encoded (RFC 2047).
        </p>
        <TextField
          label="Content type"
          placeholder="Guessed from each file name"
          error={errors.contentType?.message}
          {...form.register('contentType')}
        />
        <NameValueRows
          {...METADATA_ROW_LABELS}
          rows={rows.fields}
          register={(index, part) => form.register(`metadata.${index}.${part}`)}
          errorOf={(index, part) => errors.metadata?.[index]?.[part]?.message}
          rootError={errors.metadata?.root?.message ?? errors.metadata?.message}
          onAdd={() => {
            rows.append({ name: '', value: '' });
          }}
          onRemove={rows.remove}
        />
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary">
            Save
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
