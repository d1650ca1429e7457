import { useQueryClient } from '@tanstack/react-query';
import type { BucketCapabilities } from '@stowage/shared';
import { Button } from '@/components/ui/button';
import { Dialog, DialogActions } from '@/components/ui/dialog';
import { VisibleKey } from '@/components/ui/visible-key';
import { formatCount } from '@/utils/format';
import type { KeyRange } from '@/utils/key-range';
import { deleteEffect } from '../utils/delete-effect';
import { startDeleteWork } from '../work/delete-work';
import { showWorkPanel } from '../work/work-reveal';

type RangeDeleteDialogProps = {
  bucket: string;
  range: KeyRange;
  versioning?: BucketCapabilities['versioning'] | undefined;
  onClose: () => void;
};

/**
 * "Delete all N keys from A to B?": on confirmation the API deletes the folder's keys in that
 * range (listing them itself), in the background as a folder delete does.
 */
export function RangeDeleteDialog({ bucket, range, versioning, onClose }: RangeDeleteDialogProps) {
  const queryClient = useQueryClient();
  const count = `${range.exact ? '' : 'about '}${formatCount(range.count)}`;
  const confirm = () => {
    startDeleteWork({
      queryClient,
      bucket,
      keys: [],
      prefixes: [range.prefix],
      range: { from: range.from, to: range.to },
      label: `${count} keys of ${range.prefix}`,
      estimate: range.exact ? range.count : null,
    });
    showWorkPanel();
    onClose();
  };
  return (
    <Dialog title={`Delete ${count} keys?`} onClose={onClose}>
      <p>
        Every key of this folder from <VisibleKey text={range.from} /> to{' '}
        <VisibleKey text={range.to} /> (in name order, both included
        {range.to.endsWith('/') ? ', the last folder with everything in it' : ''}) will be deleted.
      </p>
      <p className="muted">{deleteEffect(versioning)}</p>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="danger" onClick={confirm}>
          Delete
        </Button>
      </DialogActions>
    </Dialog>
  );
}
