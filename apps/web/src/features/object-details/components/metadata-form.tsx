import { useMemo, useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import type { BucketCapabilities, ObjectDetails, UpdateMetadataBody } from '@stowage/shared';
import { METADATA_ROW_LABELS } from '@/components/form/metadata-row-labels';
import { FormActions } from '@/components/form/form-actions';
import { NameValueRows } from '@/components/form/name-value-rows';
import { TextField } from '@/components/form/text-field';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import formStyles from '@/components/form/form.module.css';
import { errorMessage, hasCode } from '@/lib/api-client';
import { metadataEditNote } from '@/lib/capability-notes';
import { getObjectDetailsQueryOptions } from '../api/get-object-details';
import { useUpdateObjectMetadata } from '../api/update-object-metadata';
import {
  createMetadataFormSchema,
  HEADER_FIELDS,
  metadataFormValues,
  type MetadataFormValues,
} from '../utils/metadata-form-schema';
import { notify } from '@/lib/notify';

type MetadataFormProps = {
  bucket: string;
  details: ObjectDetails;
  capabilities?: BucketCapabilities | undefined;
  onDone: () => void;
};

const HINTS: Partial<Record<(typeof HEADER_FIELDS)[number]['name'], string>> = {
  expires: 'A date, e.g. 2030-01-01T00:00:00Z. Empty removes it.',
};

/**
 * Edits system headers and user metadata (loaded lazily: zod, react-hook-form). The form keeps
 * what it was opened with, even if the details refresh meanwhile; a save against a changed
 * object answers 409, and Reload starts over from the object as it is now.
 */
export function MetadataForm({ bucket, details, capabilities, onDone }: MetadataFormProps) {
  const queryClient = useQueryClient();
  const blocked = metadataEditNote(capabilities, details.size);
  const [loaded, setLoaded] = useState({ details, version: 0 });
  const reload = async () => {
    const fresh = await queryClient.fetchQuery({
      ...getObjectDetailsQueryOptions(bucket, details.key),
      staleTime: 0,
    });
    setLoaded((current) => ({ details: fresh, version: current.version + 1 }));
  };
  // A save would fail on this store: explain instead of offering the form.
  if (blocked) {
    return (
      <div className={formStyles.form}>
        <h3 className={formStyles.title}>Edit metadata</h3>
        <Banner tone="warning" title="The metadata of this object cannot be changed here.">
          {blocked}
        </Banner>
        <div className={formStyles.actions}>
          <Button onClick={onDone}>Close</Button>
        </div>
      </div>
    );
  }
  return (
    <MetadataFormBody
      key={loaded.version}
      bucket={bucket}
      details={loaded.details}
      onDone={onDone}
      onReload={reload}
    />
  );
}

type MetadataFormBodyProps = Omit<MetadataFormProps, 'capabilities'> & {
  onReload: () => Promise<void>;
};

function MetadataFormBody({ bucket, details, onDone, onReload }: MetadataFormBodyProps) {
  const initial = useMemo(() => metadataFormValues(details), [details]);
  const schema = useMemo(
    () => createMetadataFormSchema(initial, details.etag),
    [initial, details.etag],
  );
  const form = useForm<MetadataFormValues, unknown, UpdateMetadataBody>({
    resolver: zodResolver(schema),
    defaultValues: initial,
  });
  const rows = useFieldArray({ control: form.control, name: 'metadata' });
  const update = useUpdateObjectMetadata(bucket, details.key);
  const [reloadError, setReloadError] = useState<unknown>(null);
  const { errors } = form.formState;
  const conflict = hasCode(update.error, 'ObjectChanged');

  const onSubmit = form.handleSubmit(async (body) => {
    await update.mutateAsync(body).then(
      () => {
        notify('Metadata saved');
        onDone();
      },
      () => undefined, // errors shown below
    );
  });

  return (
    <form noValidate className={formStyles.form} onSubmit={(event) => void onSubmit(event)}>
      <h3 className={formStyles.title}>Edit metadata</h3>
      {conflict ? (
        <Banner
          tone="warning"
          title="This object changed since you opened it."
          action={
            <Button size="sm" onClick={() => void onReload().catch(setReloadError)}>
              Reload
            </Button>
          }
        >
          Reload to edit its current metadata; the changes made here will be lost.
        </Banner>
      ) : null}
      {update.error && !conflict ? (
        <Banner title="Could not save the metadata.">{errorMessage(update.error)}</Banner>
      ) : null}
      {reloadError ? (
        <Banner title="Could not reload the object.">{errorMessage(reloadError)}</Banner>
      ) : null}
      <fieldset className={formStyles.group}>
        <legend className={formStyles.label}>System headers</legend>
        {HEADER_FIELDS.map(({ name, label }) => (
          <TextField
            key={name}
            label={label}
            hint={HINTS[name]}
            error={errors[name]?.message}
            {...form.register(name)}
          />
        ))}
      </fieldset>
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
      <FormActions onCancel={onDone} pending={update.isPending} />
    </form>
  );
}
