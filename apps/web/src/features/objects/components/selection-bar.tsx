import { Button } from '@/components/ui/button';
import { formatCount } from '@/utils/format';
import styles from './selection-bar.module.css';

type SelectionBarProps = { count: number; onDelete: (() => void) | undefined; onClear: () => void };

/** Shown while objects are checked: how many, and what can be done with them. */
export function SelectionBar({ count, onDelete, onClear }: SelectionBarProps) {
  return (
    <div role="toolbar" aria-label="Selection" className={styles.bar}>
      <span className={styles.count}>{formatCount(count)} selected</span>
      {onDelete ? (
        <Button size="sm" variant="danger" onClick={onDelete}>
          Delete
        </Button>
      ) : null}
      <Button size="sm" variant="ghost" onClick={onClear}>
        Clear selection
      </Button>
    </div>
  );
}
