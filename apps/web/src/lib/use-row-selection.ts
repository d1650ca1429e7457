import { useCallback, useMemo, useRef, useState } from 'react';
import type { Items } from '@/utils/items';

/** A row that can be checked: an object (its key) or a folder (its prefix). */
export type SelectableRow = { kind: 'folder' | 'object'; key: string };

export type RowSelection = {
  /** Checked keys among the loaded entries: object keys and folder prefixes. */
  selected: ReadonlySet<string>;
  /** The checked entries split by kind, in listing order. */
  items: Items;
  /** `range`: from the last clicked row to this one (shift-click), all set to `checked`. */
  toggle: (key: string, checked: boolean, range: boolean) => void;
  /** Every loaded entry, or none. */
  setAll: (checked: boolean) => void;
  loadedCount: number;
};

/**
 * Checkbox selection of the objects and folders of one listing (or of a search's matches). `scope` (bucket and prefix)
 * changing starts over with nothing selected. A folder's key is its prefix (ending in "/");
 * no object of the listing has such a key but the folder marker, whose key is the listing's
 * own prefix and so never a folder entry of it.
 */
export function useRowSelection(scope: string, entries: readonly SelectableRow[]): RowSelection {
  const [state, setState] = useState<{ scope: string; keys: ReadonlySet<string> }>({
    scope,
    keys: new Set(),
  });
  const anchorRef = useRef<string | null>(null);

  const allKeys = useMemo(() => entries.map((entry) => entry.key), [entries]);
  // Keys no longer listed (deleted, moved, or another folder) are not selected.
  const { selected, items } = useMemo(() => {
    const none = { selected: new Set<string>(), items: { keys: [], prefixes: [] } };
    if (state.scope !== scope || state.keys.size === 0) return none;
    const keys: string[] = [];
    const prefixes: string[] = [];
    for (const entry of entries) {
      if (!state.keys.has(entry.key)) continue;
      (entry.kind === 'folder' ? prefixes : keys).push(entry.key);
    }
    return { selected: new Set([...prefixes, ...keys]), items: { keys, prefixes } };
  }, [state, scope, entries]);

  const toggle = useCallback(
    (key: string, checked: boolean, range: boolean) => {
      const anchor = anchorRef.current;
      const from = range && anchor !== null ? allKeys.indexOf(anchor) : -1;
      const to = allKeys.indexOf(key);
      const keys =
        from >= 0 && to >= 0 ? allKeys.slice(Math.min(from, to), Math.max(from, to) + 1) : [key];
      const next = new Set(selected);
      for (const k of keys) {
        if (checked) next.add(k);
        else next.delete(k);
      }
      anchorRef.current = key;
      setState({ scope, keys: next });
    },
    [allKeys, selected, scope],
  );

  const setAll = useCallback(
    (checked: boolean) => {
      anchorRef.current = null;
      setState({ scope, keys: checked ? new Set(allKeys) : new Set() });
    },
    [allKeys, scope],
  );

  return { selected, items, toggle, setAll, loadedCount: allKeys.length };
}
