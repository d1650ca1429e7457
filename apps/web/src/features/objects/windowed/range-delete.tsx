import { keyBasename } from '@stowage/shared';
import { Button } from '@/components/ui/button';
import { formatCount } from '@/utils/format';
import type { KeyRange } from '@/utils/key-range';
import styles from './windowed.module.css';

type RangeBarProps = {
  range: KeyRange;
  /** Null: read-only (no delete). */
  onDelete: ((range: KeyRange) => void) | null;
  onClear: () => void;
};

/**
 * A shift-click range of a windowed listing: "Selected all about N keys from A to B", and its
 * Delete (the page asks first, then the API deletes the range server-side).
 */
export function RangeBar({ range, onDelete, onClear }: RangeBarProps) {
  const n = `${range.exact ? '' : 'about '}${formatCount(range.count)}`;
  const from = keyBasename(range.from, range.prefix);
  const to = keyBasename(range.to, range.prefix);
  return (
    <div role="toolbar" aria-label="Selection" className={styles.bar}>
      <span>
        Selected all {n} {range.count === 1 ? 'key' : 'keys'} from {from} to {to}
      </span>
      {onDelete ? (
        <Button
          size="sm"
          variant="danger"
          aria-keyshortcuts="Delete"
          onClick={() => {
            onDelete(range);
          }}
        >
          Delete…
        </Button>
      ) : null}
      <Button size="sm" variant="ghost" onClick={onClear}>
        Clear selection
      </Button>
    </div>
  );
}
