import { useFieldArray, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { MAX_TAGS, PutTagsBodySchema, type PutTagsBody, type Tag } from '@stowage/shared';
import { FormActions } from '@/components/form/form-actions';
import { NameValueRows } from '@/components/form/name-value-rows';
import { Banner } from '@/components/ui/banner';
import formStyles from '@/components/form/form.module.css';
import { errorMessage } from '@/lib/api-client';
import { useUpdateObjectTags } from '../api/update-object-tags';
import { notify } from '@/lib/notify';

type TagsFormProps = { bucket: string; objectKey: string; tags: Tag[]; onDone: () => void };

/** Edits the tag set with the shared TagSetSchema rules (loaded lazily). */
export function TagsForm({ bucket, objectKey, tags, onDone }: TagsFormProps) {
  const form = useForm<PutTagsBody>({
    resolver: zodResolver(PutTagsBodySchema),
    defaultValues: { tags: tags.map(({ key, value }) => ({ key, value })) },
  });
  const rows = useFieldArray({ control: form.control, name: 'tags' });
  const update = useUpdateObjectTags(bucket, objectKey);
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(async (body) => {
    await update.mutateAsync(body).then(
      () => {
        notify('Tags saved');
        onDone();
      },
      () => undefined, // errors shown below
    );
  });

  return (
    <form noValidate className={formStyles.form} onSubmit={(event) => void onSubmit(event)}>
      <h3 className={formStyles.title}>Edit tags</h3>
      {update.error ? (
        <Banner title="Could not save the tags.">{errorMessage(update.error)}</Banner>
      ) : null}
      <NameValueRows
        legend="Tags"
        nameLabel="Tag key"
        valueLabel="Tag value"
        namePlaceholder="key"
        addLabel="Add tag"
        emptyText="No tags. Saving removes every tag."
        rows={rows.fields}
        register={(index, part) =>
          form.register(`tags.${index}.${part === 'name' ? 'key' : 'value'}`)
        }
        errorOf={(index, part) =>
          errors.tags?.[index]?.[part === 'name' ? 'key' : 'value']?.message
        }
        rootError={errors.tags?.root?.message ?? errors.tags?.message}
        canAdd={rows.fields.length < MAX_TAGS}
        onAdd={() => {
          rows.append({ key: '', value: '' });
        }}
        onRemove={rows.remove}
      />
      {rows.fields.length >= MAX_TAGS ? (
        <p className={formStyles.hint}>An object has at most {MAX_TAGS} tags.</p>
      ) : null}
      <FormActions onCancel={onDone} pending={update.isPending} />
    </form>
  );
}
