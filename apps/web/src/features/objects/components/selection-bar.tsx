import { Button } from '@/components/ui/button';
import { formatCount } from '@/utils/format';

type SelectionBarProps = { count: number; onDelete: (() => void) | undefined; onClear: () => void };

/** Shown while objects are checked: how many, and what can be done with them. */
export function SelectionBar({ count, onDelete, onClear }: SelectionBarProps) {
  return (
    <div role="toolbar" aria-label="Selection" className="selection-bar">
      <span className="selection-bar__count">{formatCount(count)} selected</span>
      {onDelete ? (
        <Button size="sm" className="btn--danger" onClick={onDelete}>
          Delete
        </Button>
      ) : null}
      <Button size="sm" variant="ghost" onClick={onClear}>
        Clear selection
      </Button>
    </div>
  );
}
