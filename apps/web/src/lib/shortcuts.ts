import type { Virtualizer } from '@tanstack/react-virtual';
import type { RowSelection } from './use-row-selection';

/** What the keys of a listing's rows need from it (lib/keymap.ts moves the focus with them). */
export type KeyGrid = {
  scroller: HTMLElement | null;
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  /** The rows, in the listing's order. */
  entries: readonly { key: string }[];
  hasMore: boolean;
  /** The row of the open object (-1: none): where j and k start from outside the grid. */
  selectedIndex: number;
  /** Null: rows cannot be checked (read-only). */
  selection: RowSelection | null;
  /** End went to the last loaded row (its number) while the folder has more; null: moved on. */
  onLastLoaded: ((row: number | null) => void) | undefined;
};

/** The mounted listing grid, if any: set by object-table.tsx while it renders. */
export const keyGrid: { current: KeyGrid | null } = { current: null };
