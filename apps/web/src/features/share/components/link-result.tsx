import { TextField } from '@/components/form/text-field';
import formStyles from '@/components/form/form.module.css';
import { Button } from '@/components/ui/button';
import { Dialog, DialogActions } from '@/components/ui/dialog';
import { formatDateTime } from '@/utils/format';
import { CopyButton } from './copy-button';
import styles from './share.module.css';

type LinkResultProps = {
  url: string;
  expiresAt: string;
  /** "Through Stowage", "Direct from the store", "Upload link". */
  kind: string;
};

/** A made link: the URL (read-only, selected on focus) with Copy, its expiry and kind. */
export function LinkResult({ url, expiresAt, kind }: LinkResultProps) {
  return (
    <>
      <div className={styles.urlRow}>
        <TextField
          label="Link"
          readOnly
          value={url}
          className={styles.url}
          onFocus={(event) => {
            event.target.select();
          }}
        />
        <CopyButton text={url} />
      </div>
      <dl className={styles.facts}>
        <dt>Expires</dt>
        <dd data-testid="link-expires">{formatDateTime(expiresAt)}</dd>
        <dt>Kind</dt>
        <dd>{kind}</dd>
      </dl>
    </>
  );
}

/** The dialog once its link is made: the link (LinkResult) and Done. */
export function LinkMadeDialog({
  title,
  onClose,
  ...result
}: LinkResultProps & { title: string; onClose: () => void }) {
  return (
    <Dialog title={title} onClose={onClose} wide>
      <div className={formStyles.form}>
        <LinkResult {...result} />
        <DialogActions>
          <Button variant="primary" onClick={onClose}>
            Done
          </Button>
        </DialogActions>
      </div>
    </Dialog>
  );
}
