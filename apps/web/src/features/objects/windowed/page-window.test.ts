import { describe, expect, it } from 'vitest';
import { PageWindow } from './page-window';
import type { WindowPage } from './page-rows';
import { PositionMap } from './position-map';
import { MemoryLister } from './test-support/lister';

/** The browser bench's folder: `k/key-000000.txt` … `k/key-099999.txt`. */
const lister = new MemoryLister(
  Array.from({ length: 100_000 }, (_, i) => `k/key-${String(i).padStart(6, '0')}.txt`),
);

/** A listing as the window keeps it, at the base it was placed at. */
function windowPage(after: string | null, base: number): WindowPage {
  const page = lister.list(after);
  return {
    rows: page.keys.map((key) => ({ kind: 'object', key, size: 0, lastModified: null })),
    base,
    after,
    more: page.truncated,
  };
}

describe('PageWindow', () => {
  it('counts the folder exactly once the map is, though the end was placed by an estimate', () => {
    // The user went to the end while the positions were estimated: the last page sits 174 rows
    // after its true place (the browser bench saw "100,174 keys" once the walk was done).
    const map = new PositionMap('k/');
    map.addPage(lister.list(null));
    const endAfter = lister.keys[99_499]!;
    const end = windowPage(endAfter, 99_500 + 174);
    expect(end.more).toBe(false);
    const view = new PageWindow('b', 'k/', map, [end]);
    expect(view.exact()).toBe(false);
    // The walk reads every page; the map records them (the window's own page included).
    map.addPage(lister.list(endAfter));
    for (let after: string | null = null; ;) {
      const page = lister.list(after);
      map.addPage(page);
      if (!page.truncated) break;
      after = page.keys.at(-1)!;
    }
    expect(map.exact()).toBe(true);
    // Before the window hears of it, its count is already the map's, not its end's place.
    expect(view.total()).toBe(100_000);
    view.refresh(true);
    expect(view.total()).toBe(100_000);
    expect(view.pages.at(-1)!.base).toBe(99_500);
    expect(view.rowAt(99_999)?.key).toBe('k/key-099999.txt');
    expect(view.rowAt(99_500)?.key).toBe('k/key-099500.txt');
  });
});
