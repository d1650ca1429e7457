import { useCallback, useMemo, useState, type DragEvent } from 'react';
import {
  canDropInto,
  currentInternalDrag,
  endInternalDrag,
  INTERNAL_DRAG_TYPE,
  isInternalDrag,
  startInternalDrag,
  type DraggedItems,
} from '@/utils/items';
import type { ListingEntry } from '../utils/listing-entries';
import type { RowSelection } from '@/lib/use-row-selection';

export type RowDrag = {
  /** The folder row a drag hovers over, if it would be accepted there. */
  overKey: string | null;
  start: (entry: ListingEntry, event: DragEvent) => void;
  end: () => void;
  /** On a folder row: accept the drag (dragenter/dragover). */
  over: (entry: ListingEntry, event: DragEvent) => void;
  leave: (entry: ListingEntry) => void;
  drop: (entry: ListingEntry, event: DragEvent) => void;
};

/** Reads a drop's items: the drag's own data, or what this page started. */
export function droppedItems(event: DragEvent): DraggedItems | null {
  const data = event.dataTransfer.getData(INTERNAL_DRAG_TYPE);
  if (!data) return currentInternalDrag();
  try {
    return JSON.parse(data) as DraggedItems;
  } catch {
    return null;
  }
}

/**
 * Dragging rows onto folder rows: one row, or every checked row when the dragged one is
 * checked. `onDropItems` (the caller confirms the move) receives them and the folder.
 */
export function useRowDrag(
  bucket: string,
  prefix: string,
  selection: RowSelection | null,
  onDropItems: (items: DraggedItems, to: string) => void,
): RowDrag {
  const [overKey, setOverKey] = useState<string | null>(null);

  const start = useCallback(
    (entry: ListingEntry, event: DragEvent) => {
      const all = selection?.selected.has(entry.key) ? selection.items : null;
      const items = all ?? {
        keys: entry.kind === 'object' ? [entry.key] : [],
        prefixes: entry.kind === 'folder' ? [entry.key] : [],
      };
      // A filtered listing ("a/b", a deep link) lists keys of its folder "a/".
      const from = prefix.slice(0, prefix.lastIndexOf('/') + 1);
      startInternalDrag(event.dataTransfer, { bucket, from, ...items });
    },
    [bucket, prefix, selection],
  );

  const end = useCallback(() => {
    endInternalDrag();
    setOverKey(null);
  }, []);

  const over = useCallback(
    (entry: ListingEntry, event: DragEvent) => {
      if (entry.kind !== 'folder' || !isInternalDrag(event.dataTransfer)) return;
      if (!canDropInto(currentInternalDrag(), bucket, entry.key)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      setOverKey(entry.key);
    },
    [bucket],
  );

  const leave = useCallback((entry: ListingEntry) => {
    setOverKey((key) => (key === entry.key ? null : key));
  }, []);

  const drop = useCallback(
    (entry: ListingEntry, event: DragEvent) => {
      if (entry.kind !== 'folder' || !isInternalDrag(event.dataTransfer)) return;
      event.preventDefault();
      setOverKey(null);
      const items = droppedItems(event);
      endInternalDrag();
      if (items && canDropInto(items, bucket, entry.key)) onDropItems(items, entry.key);
    },
    [bucket, onDropItems],
  );

  return useMemo(
    () => ({ overKey, start, end, over, leave, drop }),
    [overKey, start, end, over, leave, drop],
  );
}
