import { useId, useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { FieldError } from '@/components/form/field-error';
import { TextField } from '@/components/form/text-field';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { Dialog, DialogActions } from '@/components/ui/dialog';
import { TextArea } from '@/components/ui/input';
import formStyles from '@/components/form/form.module.css';
import { errorMessage } from '@/lib/api-client';
import { VisibleKey } from '@/components/ui/visible-key';
import { visibleKey } from '@/utils/visible-key';
import { getExistingKeys } from '../api/get-existing-keys';
import { useUploadObject } from '../api/upload-object';
import {
  createTextObjectSchema,
  TEXT_CONTENT_TYPE,
  type TextObject,
  type TextObjectFormValues,
} from '../utils/text-object-schema';

type NewTextObjectDialogProps = {
  bucket: string;
  prefix: string;
  onClose: () => void;
  onCreated: (key: string) => void;
};

/** Writes a text as a new object through the upload route (loaded lazily). */
export function NewTextObjectDialog({
  bucket,
  prefix,
  onClose,
  onCreated,
}: NewTextObjectDialogProps) {
  const schema = useMemo(() => createTextObjectSchema(prefix), [prefix]);
  const form = useForm<TextObjectFormValues, unknown, TextObject>({
    resolver: zodResolver(schema),
    defaultValues: { name: '', content: '' },
  });
  const upload = useUploadObject();
  /** A key the user was told exists; saving it again replaces it. */
  const [confirmedKey, setConfirmedKey] = useState<string | null>(null);
  const [checkError, setCheckError] = useState<string | null>(null);
  const contentId = useId();
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ key, content }) => {
    setCheckError(null);
    if (confirmedKey !== key) {
      try {
        const existing = await getExistingKeys(bucket, [key]);
        if (existing.has(key)) {
          setConfirmedKey(key);
          return;
        }
      } catch (err) {
        setCheckError(errorMessage(err));
        return;
      }
    }
    const name = key.slice(key.lastIndexOf('/') + 1);
    await upload
      .mutateAsync({
        bucket,
        key,
        file: new File([content], name, { type: TEXT_CONTENT_TYPE }),
        contentType: TEXT_CONTENT_TYPE,
      })
      .then(() => {
        onCreated(key);
      })
      .catch(() => undefined); // shown from upload.error
  });

  const pendingKey = `${prefix}${useWatch({ control: form.control, name: 'name' })}`;
  const replacing = confirmedKey !== null && confirmedKey === pendingKey;
  const busy = isSubmitting || upload.isPending;

  return (
    <Dialog title="New text object" onClose={onClose} dismissible={!busy} wide>
      <form noValidate className={formStyles.form} onSubmit={(event) => void onSubmit(event)}>
        <TextField
          label="Name"
          hint={
            prefix ? `In ${visibleKey(prefix)}; use "/" for subfolders.` : 'Use "/" for folders.'
          }
          error={errors.name?.message}
          autoFocus
          {...form.register('name')}
        />
        <div className={formStyles.field}>
          <label htmlFor={contentId} className={formStyles.label}>
            Content
          </label>
          <TextArea
            id={contentId}
            rows={10}
            spellCheck={false}
            aria-invalid={errors.content ? true : undefined}
            {...form.register('content')}
          />
          <FieldError id={`${contentId}-error`} message={errors.content?.message} />
        </div>
        {replacing ? (
          <Banner tone="warning" title="This object exists.">
            Save again to replace <VisibleKey text={confirmedKey} />.
          </Banner>
        ) : null}
        {checkError ? <Banner title="Could not check the name.">{checkError}</Banner> : null}
        {upload.error ? (
          <Banner title="Could not save the object.">{errorMessage(upload.error)}</Banner>
        ) : null}
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" disabled={busy}>
            Save
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
