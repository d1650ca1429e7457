import { useCallback, useMemo, useRef, useState } from 'react';
import type { ListingEntry } from '../utils/listing-entries';

export type RowSelection = {
  /** Selected object keys among the loaded entries. */
  selected: ReadonlySet<string>;
  /** `range`: from the last clicked row to this one (shift-click), all set to `checked`. */
  toggle: (key: string, checked: boolean, range: boolean) => void;
  /** Every loaded object, or none. */
  setAll: (checked: boolean) => void;
  loadedCount: number;
};

/**
 * Checkbox selection of the objects of one listing (folders are deleted with their own
 * action). `scope` (bucket and prefix) changing starts over with nothing selected.
 */
export function useRowSelection(scope: string, entries: readonly ListingEntry[]): RowSelection {
  const [state, setState] = useState<{ scope: string; keys: ReadonlySet<string> }>({
    scope,
    keys: new Set(),
  });
  const anchorRef = useRef<string | null>(null);

  const objectKeys = useMemo(
    () => entries.flatMap((entry) => (entry.kind === 'object' ? [entry.key] : [])),
    [entries],
  );
  // Keys no longer listed (deleted, or another folder) are not selected.
  const selected = useMemo(() => {
    if (state.scope !== scope || state.keys.size === 0) return new Set<string>();
    return new Set(objectKeys.filter((key) => state.keys.has(key)));
  }, [state, scope, objectKeys]);

  const toggle = useCallback(
    (key: string, checked: boolean, range: boolean) => {
      const anchor = anchorRef.current;
      const from = range && anchor !== null ? objectKeys.indexOf(anchor) : -1;
      const to = objectKeys.indexOf(key);
      const keys =
        from >= 0 && to >= 0 ? objectKeys.slice(Math.min(from, to), Math.max(from, to) + 1) : [key];
      const next = new Set(selected);
      for (const k of keys) {
        if (checked) next.add(k);
        else next.delete(k);
      }
      anchorRef.current = key;
      setState({ scope, keys: next });
    },
    [objectKeys, selected, scope],
  );

  const setAll = useCallback(
    (checked: boolean) => {
      anchorRef.current = null;
      setState({ scope, keys: checked ? new Set(objectKeys) : new Set() });
    },
    [objectKeys, scope],
  );

  return { selected, toggle, setAll, loadedCount: objectKeys.length };
}
