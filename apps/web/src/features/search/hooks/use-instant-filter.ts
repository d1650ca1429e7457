import { useEffect, useMemo, useState } from 'react';
import type * as InstantFilterModule from '../utils/instant-filter';
import type { FilterableRow, NameFilter } from '../utils/instant-filter';

type FilterModule = typeof InstantFilterModule;

let loaded: FilterModule | null = null;
/** The matcher (with picomatch) is not on the first screen: loaded when the box is first used. */
export function loadInstantFilter(): Promise<FilterModule> {
  return import('../utils/instant-filter').then((m) => (loaded = m));
}

export type InstantFilterState = {
  /** Null while the box is empty (every row), or until the matcher has loaded. */
  filter: ((row: FilterableRow) => boolean) | null;
  /** Why the typed glob cannot filter (unbalanced brackets…). */
  problem: string | null;
};

/** The loaded rows' filter for what the search box holds, as it is typed. */
export function useInstantFilter(name: NameFilter): InstantFilterState {
  const [module, setModule] = useState<FilterModule | null>(loaded);
  const active = name.q !== '';
  useEffect(() => {
    if (active && !module) void loadInstantFilter().then(setModule);
  }, [active, module]);
  const { prefix, q, glob, matchCase } = name;
  return useMemo(() => {
    if (!active || !module) return { filter: null, problem: null };
    const made = module.instantFilter({ prefix, q, glob, matchCase });
    return made.problem === undefined
      ? { filter: made.filter, problem: null }
      : { filter: null, problem: made.problem };
  }, [active, module, prefix, q, glob, matchCase]);
}
