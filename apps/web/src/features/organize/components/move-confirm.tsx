import { Button } from '@/components/ui/button';
import { Dialog, DialogActions, DialogKeys } from '@/components/ui/dialog';
import { VisibleKey } from '@/components/ui/visible-key';
import { formatCount } from '@/utils/format';
import { itemsLabel, type Items } from '@/utils/items';
import { visibleKey } from '@/utils/visible-key';
import { destinationKey } from '../utils/destination';

/** Names listed before "and N more". */
const SHOWN = 5;

type MoveConfirmProps = {
  from: string;
  to: string;
  items: Items;
  onCancel: () => void;
  onConfirm: () => void;
};

/** Rows dropped on a folder: "Move 3 items to photos/2024/?", with where each goes. */
export function MoveConfirm({ from, to, items, onCancel, onConfirm }: MoveConfirmProps) {
  const all = [...items.prefixes, ...items.keys];
  const where = to === '' ? 'the bucket’s root' : visibleKey(to);
  return (
    <Dialog title={`Move ${itemsLabel(items)} to ${where}?`} onClose={onCancel}>
      <p>{all.length === 1 ? 'It will be moved to:' : 'They will be moved to:'}</p>
      <DialogKeys>
        {all.slice(0, SHOWN).map((key) => (
          <li key={key}>
            <VisibleKey text={destinationKey(key, from, to)} />
          </li>
        ))}
        {all.length > SHOWN ? (
          <li className="muted">and {formatCount(all.length - SHOWN)} more</li>
        ) : null}
      </DialogKeys>
      <DialogActions>
        <Button onClick={onCancel}>Cancel</Button>
        <Button variant="primary" onClick={onConfirm} autoFocus>
          Move
        </Button>
      </DialogActions>
    </Dialog>
  );
}
