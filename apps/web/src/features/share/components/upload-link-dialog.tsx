import { useEffect, useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { LinkAbilities, UploadLinkBody, UploadLinkResponse } from '@stowage/shared';
import formStyles from '@/components/form/form.module.css';
import { visibleKey } from '@/utils/visible-key';
import { useCreateUploadLink } from '../api/create-upload-link';
import { createUploadLinkFormSchema, type UploadLinkFormValues } from '../utils/form-schemas';
import { ExpiryField } from './expiry-field';
import { LinkFormDialog } from './link-form-dialog';
import { LinkMadeDialog } from './link-result';
import { SizeLimitField } from './size-limit-field';
import styles from './share.module.css';

type UploadLinkDialogProps = {
  bucket: string;
  /** The folder the files land in: "" (the bucket root) or "…/". */
  prefix: string;
  links: LinkAbilities;
  onClose: () => void;
};

/**
 * "Upload link to FOLDER": a page where anyone holding the link drops files into this folder
 * and nowhere else. Its expiry, the largest file and total, whether a file may replace one of
 * the same name; then the link with Copy and its expiry.
 */
export function UploadLinkDialog({ bucket, prefix, links, onClose }: UploadLinkDialogProps) {
  const max = links.maxSeconds.relay;
  const schema = useMemo(() => createUploadLinkFormSchema(prefix, max), [prefix, max]);
  const form = useForm<UploadLinkFormValues, unknown, UploadLinkBody>({
    resolver: zodResolver(schema),
    mode: 'onChange',
    defaultValues: {
      expiry: { kind: 'preset', preset: '7d' },
      maxBytes: { value: '', unit: 'MB' },
      maxTotalBytes: { value: '', unit: 'GB' },
      overwrite: false,
    },
  });
  const [result, setResult] = useState<UploadLinkResponse | null>(null);
  const create = useCreateUploadLink(bucket);
  const { errors } = form.formState;
  const problem =
    errors.expiry !== undefined ||
    errors.maxBytes !== undefined ||
    errors.maxTotalBytes !== undefined;
  // The default expiry may already be beyond this store's limit: say so before any change.
  useEffect(() => {
    void form.trigger('expiry');
  }, [form]);

  const onSubmit = form.handleSubmit((body) => {
    create.mutate(body, { onSuccess: setResult });
  });

  const title = `Upload link to ${prefix === '' ? `the root of ${visibleKey(bucket)}` : visibleKey(prefix)}`;
  if (result) {
    return (
      <LinkMadeDialog
        title={title}
        onClose={onClose}
        url={result.url}
        expiresAt={result.expiresAt}
        kind="Upload link"
      />
    );
  }

  /** A size limit field (a number and its unit) bound to the form. */
  const sizeLimit = (name: 'maxBytes' | 'maxTotalBytes', label: string, hint: string) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <SizeLimitField
          label={label}
          hint={hint}
          value={field.value.value}
          unit={field.value.unit}
          error={errors[name]?.message}
          onChange={(value, unit) => {
            field.onChange({ value, unit });
          }}
        />
      )}
    />
  );

  return (
    <LinkFormDialog
      title={title}
      label="Upload link"
      onClose={onClose}
      onSubmit={onSubmit}
      pending={create.isPending}
      error={create.error}
      formProblem={errors.root?.message}
      blocked={problem}
    >
      <p className={formStyles.hint}>
        Anyone with the link can add files to this folder, and see nothing else of the bucket.
      </p>
      <Controller
        control={form.control}
        name="expiry"
        render={({ field }) => (
          <ExpiryField
            choice={field.value}
            onChange={field.onChange}
            max={max}
            error={errors.expiry?.message}
          />
        )}
      />
      {sizeLimit('maxBytes', 'Max file size', 'A bigger file is refused. Empty: no limit.')}
      {sizeLimit(
        'maxTotalBytes',
        'Max total size',
        'What all files through this link may add up to. Empty: no limit.',
      )}
      <label className={styles.choice}>
        <input type="checkbox" {...form.register('overwrite')} />
        <span>
          May overwrite existing files
          <span className={styles.note}>Off: a file whose name is taken is refused.</span>
        </span>
      </label>
    </LinkFormDialog>
  );
}
