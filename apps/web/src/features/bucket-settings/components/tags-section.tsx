import { useFieldArray, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  BucketTagsDocumentSchema,
  MAX_BUCKET_TAGS,
  type BucketTagsDocument,
} from '@stowage/shared';
import { NameValueRows } from '@/components/form/name-value-rows';
import { Button } from '@/components/ui/button';
import { ButtonRow } from '@/components/ui/button-row';
import formStyles from '@/components/form/form.module.css';
import { useWriteSetting } from '../api/settings';
import { toJsonText } from '../utils/json-errors';
import { SettingSection, WriteFeedback } from './setting-section';
import styles from './settings.module.css';

type SectionProps = { bucket: string; readOnly: boolean; unsupported: boolean };

/** Bucket tags: name/value rows (cost allocation, ownership). */
export function TagsSection({ bucket, readOnly, unsupported }: SectionProps) {
  return (
    <SettingSection
      title="Bucket tags"
      what="bucket tags"
      bucket={bucket}
      name="tags"
      readOnly={readOnly}
      unsupported={unsupported}
    >
      {(doc) => <TagsBody bucket={bucket} readOnly={readOnly} doc={doc ?? { TagSet: [] }} />}
    </SettingSection>
  );
}

function TagsBody(props: { bucket: string; readOnly: boolean; doc: BucketTagsDocument }) {
  const write = useWriteSetting(props.bucket, 'tags');
  const { TagSet } = props.doc;
  if (props.readOnly) {
    return TagSet.length === 0 ? (
      <p className={styles.notSet}>No tags.</p>
    ) : (
      <table className={styles.table} aria-label="Bucket tags">
        <tbody>
          {TagSet.map((t) => (
            <tr key={t.Key}>
              <th scope="row" className={styles.mono}>
                {t.Key}
              </th>
              <td>{t.Value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  return (
    <>
      <WriteFeedback write={write} what="bucket tags" />
      <TagsForm key={toJsonText(props.doc)} doc={props.doc} write={write} />
    </>
  );
}

function TagsForm({
  doc,
  write,
}: {
  doc: BucketTagsDocument;
  write: ReturnType<typeof useWriteSetting<'tags'>>;
}) {
  const form = useForm<BucketTagsDocument>({
    resolver: zodResolver(BucketTagsDocumentSchema),
    defaultValues: doc,
  });
  const rows = useFieldArray({ control: form.control, name: 'TagSet' });
  const { errors, isDirty } = form.formState;
  // No tags left: the tag set is deleted (S3 refuses an empty PutBucketTagging on some stores).
  const submit = form.handleSubmit((body) => {
    write.mutate(body.TagSet.length === 0 ? null : body);
  });
  return (
    <form noValidate className={formStyles.form} onSubmit={(event) => void submit(event)}>
      <NameValueRows
        legend="Tags"
        nameLabel="Tag key"
        valueLabel="Tag value"
        namePlaceholder="key"
        addLabel="Add tag"
        emptyText="No tags."
        rows={rows.fields}
        register={(index, part) =>
          form.register(`TagSet.${index}.${part === 'name' ? 'Key' : 'Value'}`)
        }
        errorOf={(index, part) =>
          errors.TagSet?.[index]?.[part === 'name' ? 'Key' : 'Value']?.message
        }
        rootError={errors.TagSet?.root?.message ?? errors.TagSet?.message}
        canAdd={rows.fields.length < MAX_BUCKET_TAGS}
        onAdd={() => {
          rows.append({ Key: '', Value: '' });
        }}
        onRemove={rows.remove}
      />
      <ButtonRow>
        <Button
          disabled={!isDirty || write.isPending}
          onClick={() => {
            form.reset(doc);
          }}
        >
          Reset
        </Button>
        <Button type="submit" variant="primary" disabled={!isDirty || write.isPending}>
          {write.isPending ? 'Saving…' : 'Save tags'}
        </Button>
      </ButtonRow>
    </form>
  );
}
