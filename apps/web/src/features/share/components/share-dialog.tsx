import { useEffect, useMemo, useState } from 'react';
import { Controller, useForm, useWatch, type UseFormRegisterReturn } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  downloadFilename,
  type LinkAbilities,
  type ShareBody,
  type ShareMode,
  type ShareResponse,
} from '@stowage/shared';
import { TextField } from '@/components/form/text-field';
import formStyles from '@/components/form/form.module.css';
import { visibleKey } from '@/utils/visible-key';
import { useCreateShare } from '../api/create-share';
import { formatDuration } from '../utils/expiry';
import {
  createShareFormSchema,
  initialShareMode,
  type ShareFormValues,
} from '../utils/form-schemas';
import { MODE_LABEL } from '../utils/mode-label';
import { ExpiryField } from './expiry-field';
import { LinkFormDialog } from './link-form-dialog';
import { LinkMadeDialog } from './link-result';
import styles from './share.module.css';

type ShareDialogProps = {
  bucket: string;
  objectKey: string;
  links: LinkAbilities;
  onClose: () => void;
};

/**
 * "Share NAME": a download link to one object. Its expiry (checked against the store's limit
 * for the chosen kind), through Stowage or direct from the store, an optional download name
 * and (through Stowage) password; then the link with Copy and its expiry.
 */
export function ShareDialog({ bucket, objectKey, links, onClose }: ShareDialogProps) {
  const filename = downloadFilename(objectKey);
  const schema = useMemo(
    () => createShareFormSchema(objectKey, links.maxSeconds),
    [objectKey, links.maxSeconds],
  );
  const form = useForm<ShareFormValues, unknown, ShareBody>({
    resolver: zodResolver(schema),
    mode: 'onChange',
    defaultValues: {
      mode: initialShareMode(links),
      expiry: { kind: 'preset', preset: '1d' },
      downloadName: '',
      password: '',
    },
  });
  const [result, setResult] = useState<ShareResponse | null>(null);
  const create = useCreateShare(bucket);
  const mode = useWatch({ control: form.control, name: 'mode' });
  const { errors } = form.formState;
  // The default expiry may already be beyond this store's limit: say so before any change.
  useEffect(() => {
    void form.trigger('expiry');
  }, [form]);

  const onSubmit = form.handleSubmit((body) => {
    create.mutate(body, { onSuccess: setResult });
  });
  // The mode sets the longest expiry: the expiry is checked again when it changes.
  const modeField = form.register('mode', { deps: ['expiry'] });

  const title = `Share ${visibleKey(filename)}`;
  if (result) {
    return (
      <LinkMadeDialog
        title={title}
        onClose={onClose}
        url={result.url}
        expiresAt={result.expiresAt}
        kind={MODE_LABEL[result.mode]}
      />
    );
  }

  return (
    <LinkFormDialog
      title={title}
      label="Share"
      onClose={onClose}
      onSubmit={onSubmit}
      pending={create.isPending}
      error={create.error}
      formProblem={errors.root?.message}
      blocked={errors.expiry !== undefined}
    >
      <fieldset className={formStyles.group}>
        <legend className={formStyles.label}>Link</legend>
        <ModeChoice
          value="relay"
          field={modeField}
          disabledReason={
            links.relay
              ? undefined
              : 'Not available: the server holds no keys of this connection to serve links with.'
          }
        >
          Stowage serves the file, so it works even when the store is not reachable from the
          recipient; it can have a password. Up to {formatDuration(links.maxSeconds.relay)}.
        </ModeChoice>
        <ModeChoice value="direct" field={modeField}>
          A signed URL of the store: the bytes come straight from it, if the recipient can reach it.
          Up to {formatDuration(links.maxSeconds.direct)}.
        </ModeChoice>
      </fieldset>
      <Controller
        control={form.control}
        name="expiry"
        render={({ field }) => (
          <ExpiryField
            choice={field.value}
            onChange={field.onChange}
            max={links.maxSeconds[mode]}
            error={errors.expiry?.message}
          />
        )}
      />
      <TextField
        label="Download name (optional)"
        hint={`The file name the recipient saves; empty: ${filename}.`}
        error={errors.downloadName?.message}
        {...form.register('downloadName')}
      />
      {mode === 'relay' ? (
        <TextField
          label="Password (optional)"
          type="password"
          autoComplete="new-password"
          hint="The recipient types it before the download starts."
          error={errors.password?.message}
          {...form.register('password')}
        />
      ) : null}
    </LinkFormDialog>
  );
}

type ModeChoiceProps = {
  value: ShareMode;
  /** The form's `mode` field (react-hook-form's register()). */
  field: UseFormRegisterReturn<'mode'>;
  disabledReason?: string | undefined;
  children: React.ReactNode;
};

function ModeChoice({ value, field, disabledReason, children }: ModeChoiceProps) {
  const disabled = disabledReason !== undefined;
  return (
    <label className={styles.choice} data-disabled={disabled}>
      <input type="radio" value={value} {...field} disabled={disabled} />
      <span>
        {MODE_LABEL[value]}
        <span className={styles.note}>{disabledReason ?? children}</span>
      </span>
    </label>
  );
}
