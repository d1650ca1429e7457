import { Button } from '@/components/ui/button';
import { Dialog, DialogActions, DialogKeys } from '@/components/ui/dialog';
import { formatCount } from '@/utils/format';
import { VisibleKey } from '@/components/ui/visible-key';
import type { PendingConflict } from '../hooks/use-upload-batch';

/** Keys listed by name before "and N more". */
const SHOWN = 5;

/** Asked once per batch when some of its keys exist: overwrite, skip or keep both. */
export function ConflictDialog({ conflict }: { conflict: PendingConflict }) {
  const { existing, total, resolve } = conflict;
  const count = existing.length;
  const title = count === 1 ? 'A file already exists' : `${formatCount(count)} files already exist`;
  return (
    <Dialog
      title={title}
      onClose={() => {
        resolve(null);
      }}
    >
      <p>
        {count === total
          ? `${count === 1 ? 'This object exists' : 'These objects exist'} already.`
          : `${formatCount(count)} of the ${formatCount(total)} files exist already.`}{' '}
        Overwrite them, skip them, or keep both by giving the new files a name like “name (1).txt”?
      </p>
      <DialogKeys>
        {existing.slice(0, SHOWN).map((key) => (
          <li key={key}>
            <VisibleKey text={key} />
          </li>
        ))}
        {count > SHOWN ? <li className="muted">and {formatCount(count - SHOWN)} more</li> : null}
      </DialogKeys>
      <DialogActions>
        <Button
          onClick={() => {
            resolve(null);
          }}
        >
          Cancel upload
        </Button>
        <Button
          onClick={() => {
            resolve('skip');
          }}
        >
          Skip
        </Button>
        <Button
          onClick={() => {
            resolve('keep-both');
          }}
        >
          Keep both
        </Button>
        <Button
          variant="primary"
          onClick={() => {
            resolve('overwrite');
          }}
        >
          Overwrite
        </Button>
      </DialogActions>
    </Dialog>
  );
}
