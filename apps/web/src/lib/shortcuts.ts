import type { RowSelection } from './use-row-selection';

/** What the keys of a listing's rows need from it (lib/keymap.ts moves the focus with them). */
export type KeyGrid = {
  scroller: HTMLElement | null;
  /** Brings row `index` into view (rendering it): TanStack Virtual's, or the windowed listing's. */
  scrollToIndex: (index: number) => void;
  /** How many rows the listing has (loaded, or the windowed listing's whole folder). */
  count: number;
  /** The row at `index`, when loaded. */
  entryAt: (index: number) => { key: string } | undefined;
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
