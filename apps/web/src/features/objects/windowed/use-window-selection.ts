import { useMemo, useRef, useState } from 'react';
import { byteOrder, inKeyRange } from '@stowage/shared';
import type { RowSelection } from '@/lib/use-row-selection';
import type { PageWindow } from './page-window';

/** A range of the folder in S3 order, both ends included: "all N keys from A to B". */
export type KeySpan = { from: string; to: string };

export type WindowSelection = {
  /** Checked one by one (the selection bar's actions act on them). */
  rowSelection: RowSelection;
  /** Shift-click from one row to another: a range, acted on server-side. */
  range: KeySpan | null;
  isChecked: (key: string) => boolean;
  toggle: (key: string, checked: boolean, range: boolean) => void;
  clearRange: () => void;
};

/**
 * The windowed listing's selection: single rows by key (kept while their pages leave the
 * window), and a shift-click range between two keys however far apart, which is a range of
 * the folder (not of loaded rows) and so acts through the API's range delete.
 */
export function useWindowSelection(
  model: PageWindow,
  initial: ReadonlySet<string>,
): WindowSelection {
  const [keys, setKeys] = useState<ReadonlySet<string>>(initial);
  const [range, setRange] = useState<KeySpan | null>(null);
  const anchor = useRef<string | null>(null);

  return useMemo(() => {
    const toggle = (key: string, checked: boolean, shift: boolean) => {
      const from = anchor.current;
      anchor.current = key;
      if (shift && from !== null && from !== key && checked) {
        const [a, b] = byteOrder(from, key) < 0 ? [from, key] : [key, from];
        setRange({ from: a, to: b });
        return;
      }
      const next = new Set(keys);
      if (checked) next.add(key);
      else next.delete(key);
      setKeys(next);
      if (!checked && range && inKeyRange(key, range.from, range.to)) setRange(null);
    };
    const setAll = (checked: boolean) => {
      anchor.current = null;
      setRange(null);
      setKeys(checked ? new Set(model.rows().map((row) => row.key)) : new Set());
    };
    const items = {
      keys: [...keys].filter((k) => !k.endsWith('/')),
      prefixes: [...keys].filter((k) => k.endsWith('/')),
    };
    const rowSelection: RowSelection = {
      selected: keys,
      items,
      toggle,
      setAll,
      loadedCount: model.rows().length,
    };
    return {
      rowSelection,
      range,
      isChecked: (key) =>
        keys.has(key) || (range !== null && inKeyRange(key, range.from, range.to)),
      toggle,
      clearRange: () => {
        setRange(null);
      },
    };
  }, [keys, range, model]);
}
