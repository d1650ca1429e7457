import { useState } from 'react';
import type { LinkAbilities, UploadLinkBody, UploadLinkResponse } from '@stowage/shared';
import formStyles from '@/components/form/form.module.css';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { Dialog, DialogActions } from '@/components/ui/dialog';
import { errorMessage } from '@/lib/api-client';
import { visibleKey } from '@/utils/visible-key';
import { useCreateUploadLink } from '../api/create-upload-link';
import { expirySeconds, type ExpiryChoice } from '../utils/expiry';
import { limitBytes, type SizeUnit } from '../utils/size-units';
import { ExpiryField } from './expiry-field';
import { LinkResult } from './link-result';
import { SizeLimitField } from './size-limit-field';
import styles from './share.module.css';

type UploadLinkDialogProps = {
  bucket: string;
  /** The folder the files land in: "" (the bucket root) or "…/". */
  prefix: string;
  links: LinkAbilities;
  onClose: () => void;
};

type Limit = { value: string; unit: SizeUnit };

/**
 * "Upload link to FOLDER": a page where anyone holding the link drops files into this folder
 * and nowhere else. Its expiry, the largest file and total, whether a file may replace one of
 * the same name; then the link with Copy and its expiry.
 */
export function UploadLinkDialog({ bucket, prefix, links, onClose }: UploadLinkDialogProps) {
  const [expiry, setExpiry] = useState<ExpiryChoice>({ kind: 'preset', preset: '7d' });
  const [fileLimit, setFileLimit] = useState<Limit>({ value: '', unit: 'MB' });
  const [totalLimit, setTotalLimit] = useState<Limit>({ value: '', unit: 'GB' });
  const [overwrite, setOverwrite] = useState(false);
  const [result, setResult] = useState<UploadLinkResponse | null>(null);
  const create = useCreateUploadLink(bucket);
  const checked = expirySeconds(expiry, links.maxSeconds.relay, new Date());
  const maxBytes = limitBytes(fileLimit.value, fileLimit.unit);
  const maxTotalBytes = limitBytes(totalLimit.value, totalLimit.unit);
  const problem = 'problem' in checked || 'problem' in maxBytes || 'problem' in maxTotalBytes;

  const submit = () => {
    // The expiry again, from the moment of the click (a custom date counts from now).
    const checked = expirySeconds(expiry, links.maxSeconds.relay, new Date());
    if ('problem' in checked || 'problem' in maxBytes || 'problem' in maxTotalBytes) return;
    const body: UploadLinkBody = { prefix, expiresIn: checked.seconds, overwrite };
    if (maxBytes.bytes !== undefined) body.maxBytes = maxBytes.bytes;
    if (maxTotalBytes.bytes !== undefined) body.maxTotalBytes = maxTotalBytes.bytes;
    create.mutate(body, { onSuccess: setResult });
  };

  const title = `Upload link to ${prefix === '' ? `the root of ${visibleKey(bucket)}` : visibleKey(prefix)}`;
  if (result) {
    return (
      <Dialog title={title} onClose={onClose} wide>
        <div className={formStyles.form}>
          <LinkResult url={result.url} expiresAt={result.expiresAt} kind="Upload link" />
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
        aria-label="Upload link"
        className={formStyles.form}
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        {create.error ? (
          <Banner title="The link was not made.">{errorMessage(create.error)}</Banner>
        ) : null}
        <p className={formStyles.hint}>
          Anyone with the link can add files to this folder, and see nothing else of the bucket.
        </p>
        <ExpiryField
          choice={expiry}
          onChange={setExpiry}
          max={links.maxSeconds.relay}
          error={'problem' in checked ? checked.problem : undefined}
        />
        <SizeLimitField
          label="Max file size"
          hint="A bigger file is refused. Empty: no limit."
          value={fileLimit.value}
          unit={fileLimit.unit}
          error={'problem' in maxBytes ? maxBytes.problem : undefined}
          onChange={(value, unit) => {
            setFileLimit({ value, unit });
          }}
        />
        <SizeLimitField
          label="Max total size"
          hint="What all files through this link may add up to. Empty: no limit."
          value={totalLimit.value}
          unit={totalLimit.unit}
          error={'problem' in maxTotalBytes ? maxTotalBytes.problem : undefined}
          onChange={(value, unit) => {
            setTotalLimit({ value, unit });
          }}
        />
        <label className={styles.choice}>
          <input
            type="checkbox"
            checked={overwrite}
            onChange={(event) => {
              setOverwrite(event.target.checked);
            }}
          />
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
