import { useEffect, useState } from 'react';
import type { ListObjectsResponse } from '@stowage/shared';
import type { PositionMap } from '../windowed/position-map';

/** Over this many rows (estimated), a folder is shown by the windowed listing. */
export const WINDOWED_OVER = 3000;

export type WindowedSwitch = {
  map: PositionMap;
  pages: readonly ListObjectsResponse[];
  /** Calls `listener` whenever a later probe refines the map (`done`: the last); returns the unsubscribe. */
  onRefine: (listener: (done: boolean) => void) => () => void;
};

/**
 * Once a folder's first page has come back truncated, probes the folder in the background
 * (the windowed module, loaded then) and says when it holds more than WINDOWED_OVER rows:
 * the listing then becomes the windowed one. Stops (aborts) on leaving the folder; a failed
 * probe leaves the listing as it is.
 */
export function useWindowedSwitch(
  scope: string,
  bucket: string,
  prefix: string,
  pages: readonly ListObjectsResponse[] | null,
): WindowedSwitch | null {
  const [found, setFound] = useState<{ scope: string; value: WindowedSwitch } | null>(null);
  const first = pages?.[0];
  const truncated = first !== undefined && first.nextCursor !== null;
  useEffect(() => {
    if (!truncated || !pages) return;
    const controller = new AbortController();
    const snapshot = pages;
    const listeners = new Set<(done: boolean) => void>();
    let finished = false;
    const onRefine = (listener: (done: boolean) => void) => {
      // Subscribed after the probes ended: told at once.
      if (finished) listener(true);
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    };
    let switched = false;
    // Switched once the probes have seen more keys than that (an early estimate may be far off:
    // a folder of 2,600 keys must keep its listing).
    const onRound = (map: PositionMap, seen: number) => {
      if (switched) for (const listener of listeners) listener(false);
      else if (seen > WINDOWED_OVER || (map.exact() && map.total() > WINDOWED_OVER)) {
        switched = true;
        setFound({ scope, value: { map, pages: snapshot, onRefine } });
      }
    };
    void Promise.all([import('../windowed/probe'), import('../windowed/windowed-listing')])
      .then(([{ probeFolder }]) =>
        probeFolder(bucket, prefix, snapshot, controller.signal, onRound),
      )
      .catch(() => undefined)
      .finally(() => {
        finished = true;
        for (const listener of listeners) listener(true);
      });
    return () => {
      controller.abort();
    };
    // Once per folder, from its first page: later pages do not probe again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scope, truncated]);
  return found?.scope === scope ? found.value : null;
}
