import { globProblem, searchMatcher } from '@stowage/shared';

/** A loaded row: an object, or a folder (its prefix), matched by name only. */
export type FilterableRow = {
  kind: 'folder' | 'object';
  key: string;
  size?: number;
  lastModified?: string | null;
};

export type NameFilter = { prefix: string; q: string; glob: boolean; matchCase: boolean };

export type InstantFilter =
  | { filter: (row: FilterableRow) => boolean; problem?: undefined }
  | { filter?: undefined; problem: string };

/**
 * The search box's filter of the loaded rows: shared's `searchMatcher`, the API's own rule, with
 * the open folder as the prefix. Folder rows match by name. Loaded on first use (picomatch).
 */
export function instantFilter({ prefix, q, glob, matchCase }: NameFilter): InstantFilter {
  if (glob) {
    const problem = globProblem(q);
    if (problem) return { problem };
  }
  const matches = searchMatcher({ prefix, q, glob, matchCase });
  return {
    filter: (row) =>
      matches({ key: row.key, size: row.size ?? 0, lastModified: row.lastModified ?? null }),
  };
}
