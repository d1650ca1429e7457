import { useState, type DragEvent, type ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import clsx from 'clsx';
import { prefixSegments } from '@stowage/shared';
import { VisibleKey } from '@/components/ui/visible-key';
import { visibleKey } from '@/utils/visible-key';
import {
  canDropInto,
  currentInternalDrag,
  endInternalDrag,
  isInternalDrag,
  type DraggedItems,
} from '@/utils/items';
import { droppedItems } from '../hooks/use-row-drag';
import styles from './object-breadcrumb.module.css';

/** How many of a long name's last characters stay in view when its middle is cut. */
const TAIL_CHARS = 10;

/**
 * A name whose middle gives way when space is short ("outer-out…xxxxxx-end"): its start
 * shrinks to an ellipsis, its end stays. The text is all of it; so is the step's accessible
 * name (`label`: its two parts would otherwise read as two words).
 */
function cut(text: string): { label?: string; node: ReactNode } {
  const chars = Array.from(text);
  if (chars.length <= TAIL_CHARS * 2) return { node: <VisibleKey text={text} /> };
  return {
    label: visibleKey(text),
    node: (
      <span className={styles.middle}>
        <span className={styles.start}>
          <VisibleKey text={chars.slice(0, -TAIL_CHARS).join('')} />
        </span>
        <span className={styles.end}>
          <VisibleKey text={chars.slice(-TAIL_CHARS).join('')} />
        </span>
      </span>
    ),
  };
}

type ObjectBreadcrumbProps = {
  bucket: string;
  prefix: string;
  /** Rows dropped onto a step (a move: the caller confirms). Without it, steps take no drop. */
  onDropItems?: (items: DraggedItems, to: string) => void;
};

/** bucket › segment › segment; every step opens that folder, and takes rows dragged onto it. */
export function ObjectBreadcrumb({ bucket, prefix, onDropItems }: ObjectBreadcrumbProps) {
  const segments = prefixSegments(prefix);
  // A prefix that does not end in "/" (a deep link) filters by the remaining characters.
  const rest = prefix.slice(segments.at(-1)?.prefix.length ?? 0);
  const [over, setOver] = useState<string | null>(null);

  const step = (target: string, { node, label }: ReturnType<typeof cut>, className?: string) => {
    const accept = (event: DragEvent) => {
      if (!onDropItems || !isInternalDrag(event.dataTransfer)) return;
      if (!canDropInto(currentInternalDrag(), bucket, target)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      setOver(target);
    };
    return (
      <li key={target}>
        <Link
          to="/b/$bucket"
          params={{ bucket }}
          search={{ prefix: target }}
          aria-current={target === prefix ? 'page' : undefined}
          aria-label={label}
          // The full path on hover: long names are cut in the middle.
          title={target === '' ? visibleKey(bucket) : visibleKey(target)}
          className={clsx(className, over === target && styles.dropTarget)}
          onDragEnter={accept}
          onDragOver={accept}
          onDragLeave={() => {
            setOver((o) => (o === target ? null : o));
          }}
          onDrop={(event) => {
            if (!onDropItems || !isInternalDrag(event.dataTransfer)) return;
            event.preventDefault();
            setOver(null);
            const items = droppedItems(event);
            endInternalDrag();
            if (items && canDropInto(items, bucket, target)) onDropItems(items, target);
          }}
        >
          {node}
        </Link>
      </li>
    );
  };

  return (
    <nav aria-label="Breadcrumb" className={styles.breadcrumb}>
      <ol>
        {step('', cut(bucket), styles.bucket)}
        {segments.map((segment) =>
          step(
            segment.prefix,
            segment.name === '' ? { node: <em className="muted">(empty)</em> } : cut(segment.name),
          ),
        )}
        {rest ? (
          <li>
            <span aria-current="page" title="Keys starting with this prefix">
              {cut(rest).node}…
            </span>
          </li>
        ) : null}
      </ol>
    </nav>
  );
}
