import { useEffect, useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { LinkAbilities, UploadLinkBody, UploadLinkResponse } from '@stowage/shared';
import formStyles from '@/components/form/form.module.css';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { Dialog, DialogActions } from '@/components/ui/dialog';
import { errorMessage } from '@/lib/api-client';
import { visibleKey } from '@/utils/visible-key';
import { useCreateUploadLink } from '../api/create-upload-link';
import { createUploadLinkFormSchema, type UploadLinkFormValues } from '../utils/form-schemas';
import { ExpiryField } from './expiry-field';
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

  return (
    <Dialog title={title} onClose={onClose} dismissible={!create.isPending} wide>
      <form
        noValidate
        aria-label="Upload link"
        className={formStyles.form}
        onSubmit={(event) => void onSubmit(event)}
      >
        {create.error || errors.root ? (
          <Banner title="The link was not made.">
            {create.error ? errorMessage(create.error) : errors.root?.message}
          </Banner>
        ) : null}
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
        <Controller
          control={form.control}
          name="maxBytes"
          render={({ field }) => (
            <SizeLimitField
              label="Max file size"
              hint="A bigger file is refused. Empty: no limit."
              value={field.value.value}
              unit={field.value.unit}
              error={errors.maxBytes?.message}
              onChange={(value, unit) => {
                field.onChange({ value, unit });
              }}
            />
          )}
        />
        <Controller
          control={form.control}
          name="maxTotalBytes"
          render={({ field }) => (
            <SizeLimitField
              label="Max total size"
              hint="What all files through this link may add up to. Empty: no limit."
              value={field.value.value}
              unit={field.value.unit}
              error={errors.maxTotalBytes?.message}
              onChange={(value, unit) => {
                field.onChange({ value, unit });
              }}
            />
          )}
        />
        <label className={styles.choice}>
          <input type="checkbox" {...form.register('overwrite')} />
          <span>
            May overwrite existing files
            <span className={styles.note}>Off: a file whose name is taken is refused.</span>
          </span>
        </label>
        <DialogActions>
          <Button onClick={onClose} disabled={create.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" disabled={create.isPending || problem}>
            {create.isPending ? 'Making the link…' : 'Make link'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
