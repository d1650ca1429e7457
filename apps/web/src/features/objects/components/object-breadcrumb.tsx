import { useState, type DragEvent, type ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import clsx from 'clsx';
import { prefixSegments } from '@stowage/shared';
import { VisibleKey } from '@/components/ui/visible-key';
import {
  canDropInto,
  currentInternalDrag,
  endInternalDrag,
  isInternalDrag,
  type DraggedItems,
} from '@/utils/items';
import { droppedItems } from '../hooks/use-row-drag';
import styles from './object-breadcrumb.module.css';

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

  const step = (target: string, children: ReactNode, className?: string) => {
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
          {children}
        </Link>
      </li>
    );
  };

  return (
    <nav aria-label="Breadcrumb" className={styles.breadcrumb}>
      <ol>
        {step('', <VisibleKey text={bucket} />, styles.bucket)}
        {segments.map((segment) =>
          step(
            segment.prefix,
            segment.name === '' ? (
              <em className="muted">(empty)</em>
            ) : (
              <VisibleKey text={segment.name} />
            ),
          ),
        )}
        {rest ? (
          <li>
            <span aria-current="page" title="Keys starting with this prefix">
              <VisibleKey text={rest} />…
            </span>
          </li>
        ) : null}
      </ol>
    </nav>
  );
}
