import clsx from 'clsx';
import { Button } from '@/components/ui/button';
import type { RowSelection } from '@/lib/use-row-selection';
import { formatCount } from '@/utils/format';
import type { ItemsAction } from '@/utils/items';
import styles from './selection-bar.module.css';

/** Something to do with the checked rows ("Copy to…", "Download as zip", "Delete"). */
export type SelectionAction = { label: string; onSelect: () => void; danger?: boolean };

type SelectionBarProps = {
  count: number;
  actions: readonly SelectionAction[];
  onClear: () => void;
  /** Where the page places it (the listing lays it over its header row). */
  className?: string | undefined;
};

/** Shown while objects or folders are checked: how many, and what can be done with them. */
export function SelectionBar({ count, actions, onClear, className }: SelectionBarProps) {
  return (
    <div role="toolbar" aria-label="Selection" className={clsx(styles.bar, className)}>
      <span className={styles.count}>{formatCount(count)} selected</span>
      {actions.map((action) => (
        <Button
          key={action.label}
          size="sm"
          variant={action.danger ? 'danger' : 'default'}
          // The Delete key (lib/keymap.ts): the bar's destructive action, which asks first.
          aria-keyshortcuts={action.danger ? 'Delete' : undefined}
          onClick={action.onSelect}
        >
          {action.label}
        </Button>
      ))}
      <Button size="sm" variant="ghost" onClick={onClear}>
        Clear selection
      </Button>
    </div>
  );
}

/** The bar of a listing's (or a search's) checked rows: `actions` on them, and Clear; none unchecked. */
export function RowSelectionBar({
  selection,
  actions,
  className,
}: {
  selection: RowSelection;
  actions: readonly ItemsAction[];
  className?: string | undefined;
}) {
  if (selection.selected.size === 0) return null;
  return (
    <SelectionBar
      count={selection.selected.size}
      className={className}
      actions={actions.map((action) => ({
        label: action.label,
        danger: action.danger,
        onSelect: () => {
          action.onSelect(selection.items);
        },
      }))}
      onClear={() => {
        selection.setAll(false);
      }}
    />
  );
}
