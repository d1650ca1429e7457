import { useState } from 'react';
import {
  downloadFilename,
  ShareBodySchema,
  type LinkAbilities,
  type ShareBody,
  type ShareMode,
  type ShareResponse,
} from '@stowage/shared';
import { TextField } from '@/components/form/text-field';
import formStyles from '@/components/form/form.module.css';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { Dialog, DialogActions } from '@/components/ui/dialog';
import { errorMessage } from '@/lib/api-client';
import { visibleKey } from '@/utils/visible-key';
import { useCreateShare } from '../api/create-share';
import { expirySeconds, formatDuration, type ExpiryChoice } from '../utils/expiry';
import { MODE_LABEL } from '../utils/mode-label';
import { ExpiryField } from './expiry-field';
import { LinkResult } from './link-result';
import styles from './share.module.css';

type ShareDialogProps = {
  bucket: string;
  objectKey: string;
  links: LinkAbilities;
  onClose: () => void;
};

type FieldErrors = Partial<Record<'downloadName' | 'password', string>>;

/**
 * "Share NAME": a download link to one object. Its expiry (checked against the store's limit
 * for the chosen kind), through Stowage or direct from the store, an optional download name
 * and (through Stowage) password; then the link with Copy and its expiry.
 */
export function ShareDialog({ bucket, objectKey, links, onClose }: ShareDialogProps) {
  const filename = downloadFilename(objectKey);
  const [mode, setMode] = useState<ShareMode>(
    links.defaultMode === 'relay' && !links.relay ? 'direct' : links.defaultMode,
  );
  const [expiry, setExpiry] = useState<ExpiryChoice>({ kind: 'preset', preset: '1d' });
  const [downloadName, setDownloadName] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [result, setResult] = useState<ShareResponse | null>(null);
  const create = useCreateShare(bucket);
  const max = links.maxSeconds[mode];
  const checked = expirySeconds(expiry, max, new Date());

  const submit = () => {
    // The expiry again, from the moment of the click (a custom date counts from now).
    const checked = expirySeconds(expiry, max, new Date());
    if ('problem' in checked) return;
    const body: ShareBody = { key: objectKey, expiresIn: checked.seconds, mode };
    if (downloadName !== '') body.downloadName = downloadName;
    if (mode === 'relay' && password !== '') body.password = password;
    const parsed = ShareBodySchema.safeParse(body);
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (field === 'downloadName' || field === 'password') errors[field] ??= issue.message;
      }
      setFieldErrors(errors);
      return;
    }
    setFieldErrors({});
    create.mutate(parsed.data, { onSuccess: setResult });
  };

  const title = `Share ${visibleKey(filename)}`;
  if (result) {
    return (
      <Dialog title={title} onClose={onClose} wide>
        <div className={formStyles.form}>
          <LinkResult
            url={result.url}
            expiresAt={result.expiresAt}
            kind={MODE_LABEL[result.mode]}
          />
          <DialogActions>
            <Button variant="primary" onClick={onClose}>
              Done
            </Button>
          </DialogActions>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog title={title} onClose={onClose} dismissible={!create.isPending} wide>
      <form
        noValidate
        aria-label="Share"
        className={formStyles.form}
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        {create.error ? (
          <Banner title="The link was not made.">{errorMessage(create.error)}</Banner>
        ) : null}
        <fieldset className={formStyles.group}>
          <legend className={formStyles.label}>Link</legend>
          <ModeChoice
            value="relay"
            mode={mode}
            onChange={setMode}
            disabledReason={
              links.relay
                ? undefined
                : 'Not available: the server holds no keys of this connection to serve links with.'
            }
          >
            Stowage serves the file, so it works even when the store is not reachable from the
            recipient; it can have a password. Up to {formatDuration(links.maxSeconds.relay)}.
          </ModeChoice>
          <ModeChoice value="direct" mode={mode} onChange={setMode}>
            A signed URL of the store: the bytes come straight from it, if the recipient can reach
            it. Up to {formatDuration(links.maxSeconds.direct)}.
          </ModeChoice>
        </fieldset>
        <ExpiryField
          choice={expiry}
          onChange={setExpiry}
          max={max}
          error={'problem' in checked ? checked.problem : undefined}
        />
        <TextField
          label="Download name (optional)"
          hint={`The file name the recipient saves; empty: ${filename}.`}
          value={downloadName}
          error={fieldErrors.downloadName}
          onChange={(event) => {
            setDownloadName(event.target.value);
          }}
        />
        {mode === 'relay' ? (
          <TextField
            label="Password (optional)"
            type="password"
            autoComplete="new-password"
            hint="The recipient types it before the download starts."
            value={password}
            error={fieldErrors.password}
            onChange={(event) => {
              setPassword(event.target.value);
            }}
          />
        ) : null}
        <DialogActions>
          <Button onClick={onClose} disabled={create.isPending}>
            Cancel
          </Button>
          <Button
            type="submit"
            variant="primary"
            disabled={create.isPending || 'problem' in checked}
          >
            {create.isPending ? 'Making the link…' : 'Make link'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

type ModeChoiceProps = {
  value: ShareMode;
  mode: ShareMode;
  onChange: (mode: ShareMode) => void;
  disabledReason?: string | undefined;
  children: React.ReactNode;
};

function ModeChoice({ value, mode, onChange, disabledReason, children }: ModeChoiceProps) {
  const disabled = disabledReason !== undefined;
  return (
    <label className={styles.choice} data-disabled={disabled}>
      <input
        type="radio"
        name="share-mode"
        value={value}
        checked={mode === value}
        disabled={disabled}
        onChange={() => {
          onChange(value);
        }}
      />
      <span>
        {MODE_LABEL[value]}
        <span className={styles.note}>{disabledReason ?? children}</span>
      </span>
    </label>
  );
}
