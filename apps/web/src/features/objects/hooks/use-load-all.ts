import { useEffect, useState } from 'react';

/** "Load all" stops here: a folder bigger than this is searched, not sorted in the browser. */
export const LOAD_ALL_CAP = 100_000;

type PagedQuery = {
  hasNextPage: boolean;
  isFetching: boolean;
  isFetchNextPageError: boolean;
  fetchNextPage: () => Promise<unknown>;
};

export type LoadAll = {
  /** Loading the remaining pages now. */
  running: boolean;
  /** Stopped at LOAD_ALL_CAP with pages left. */
  capped: boolean;
  cap: number;
  start: () => void;
  stop: () => void;
};

/**
 * "Load all": the listing's (`scope`) remaining pages one after another, until none is left, `loaded`
 * reaches LOAD_ALL_CAP, a page fails (the table's "Retry" row says so) or Stop.
 */
export function useLoadAll(scope: string, query: PagedQuery, loaded: number): LoadAll {
  // Which listing it runs for: another folder (or Show deleted) does not inherit it.
  const [runningFor, setRunningFor] = useState<string | null>(null);
  const running = runningFor === scope;
  const { hasNextPage, isFetching, isFetchNextPageError, fetchNextPage } = query;
  const capped = hasNextPage && loaded >= LOAD_ALL_CAP;
  const done = !hasNextPage || capped || isFetchNextPageError;

  useEffect(() => {
    if (running && !done && !isFetching) void fetchNextPage();
  }, [running, done, isFetching, fetchNextPage]);

  return {
    running: running && !done,
    capped,
    cap: LOAD_ALL_CAP,
    start: () => {
      setRunningFor(scope);
    },
    stop: () => {
      setRunningFor(null);
    },
  };
}
