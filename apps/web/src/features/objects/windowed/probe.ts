import type { ListObjectsResponse } from '@stowage/shared';
import { fetchRows, pageRows } from './page-rows';
import { PositionMap } from './position-map';

/** Requests in flight while probing (the browser allows 6 per host over HTTP/1.1). */
const PARALLEL = 6;
/** Rounds of probes at most (the map stops asking once it knows enough). */
const ROUNDS = 10;
/**
 * Then the walk: listings that read on from what is known (PositionMap.walkProbes), this many at
 * a time (the rest of the browser's connections stay for the rows the user asks for), until the
 * map is exact or WALK_PAGES were read (300,000 keys: past that the rest stays estimated; a walk
 * of a million keys held the tab at 250 MB, over its 200 MB budget).
 */
const WALKERS = 3;
const WALK_PAGES = 300;

/** Lets the page paint and take input between two pages' work (no long task). */
const yieldToPage = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Estimates the size of a folder whose first page came back truncated: lists from the probes the
 * position map asks for, `PARALLEL` at a time, in the background, then walks it (WALKERS at a
 * time) until every position is exact. Aborting `signal` (leaving the folder) stops it.
 * Calls `onRound` after each round (the estimate so far: the listing may switch on the first
 * and refine as the others come); resolves with the map, rejects when aborted or a probe fails.
 */
export async function probeFolder(
  bucket: string,
  prefix: string,
  firstPages: readonly ListObjectsResponse[],
  signal: AbortSignal,
  onRound: (map: PositionMap, seen: number) => void,
): Promise<PositionMap> {
  const map = new PositionMap(prefix);
  // Keys seen in any page: more than the threshold is a certainty, where an estimate is not.
  const seen = new Set<string>();
  let startAfter: string | null = null;
  for (const page of firstPages) {
    const keys = pageRows(page).map((row) => row.key);
    for (const key of keys) seen.add(key);
    map.addPage({ startAfter, keys, truncated: page.nextCursor !== null });
    startAfter = keys.at(-1) ?? startAfter;
  }
  for (let round = 0; round < ROUNDS && !map.exact(); round++) {
    const probes = map.nextProbes(PARALLEL);
    if (probes.length === 0) break;
    const pages = await Promise.all(
      probes.map((at) => fetchRows(bucket, prefix, { startAfter: at }, signal)),
    );
    pages.forEach((page, i) => {
      for (const row of page.rows) seen.add(row.key);
      map.addPage({
        startAfter: probes[i] ?? null,
        keys: page.rows.map((row) => row.key),
        truncated: page.nextCursor !== null,
      });
    });
    onRound(map, seen.size);
  }
  // Estimates can be far off where names crowd unevenly (a month of logs, then words): the walk
  // makes every position exact, a page at a time, without keeping the pages (the map keeps a
  // key in 31 rows of what it read). Keys are no longer collected: the switch is decided.
  for (let read = 0; read < WALK_PAGES && !map.exact();) {
    const from = map.walkProbes(WALKERS);
    if (from.length === 0) break;
    const pages = await Promise.all(
      from.map((at) => fetchRows(bucket, prefix, { startAfter: at }, signal)),
    );
    for (const [i, page] of pages.entries()) {
      await yieldToPage();
      signal.throwIfAborted();
      map.addPage({
        startAfter: from[i] ?? null,
        keys: page.rows.map((row) => row.key),
        truncated: page.nextCursor !== null,
      });
    }
    read += pages.length;
    onRound(map, seen.size);
  }
  return map;
}
