import type { ListObjectsResponse } from '@stowage/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as PageRows from './page-rows';
import { FOLDER_1M, keyAt1m } from './test-support/bench-keys';
import { MemoryLister } from './test-support/lister';

/**
 * probeFolder's two phases over an in-memory folder: the probe rounds (6 listings at a time, at
 * most 10 rounds: 60 listings), then the walk (3 at a time, at most 300 listings). The listing
 * requests (page-rows.ts fetchRows, which the app sends to the API) are answered by a
 * MemoryLister of the bench's names, counting them; pageRows stays the real one.
 */
const folder: { lister: MemoryLister | null; listings: (string | null)[] } = {
  lister: null,
  listings: [],
};

vi.mock('./page-rows', async (original) => {
  const real = await original<typeof PageRows>();
  return {
    ...real,
    fetchRows: (
      _bucket: string,
      _prefix: string,
      at: { startAfter: string | null },
      signal?: AbortSignal,
    ) => {
      signal?.throwIfAborted();
      folder.listings.push(at.startAfter);
      const page = folder.lister!.list(at.startAfter);
      return Promise.resolve({
        rows: page.keys.map((key) => ({ kind: 'object', key, size: 0, lastModified: null })),
        nextCursor: page.truncated ? 'more' : null,
      });
    },
  };
});

const { probeFolder } = await import('./probe');

/** A folder of the bench's first n names, and its first page as the API answers it. */
function benchFolder(n: number, name: (i: number) => string = keyAt1m): ListObjectsResponse {
  folder.lister = new MemoryLister(Array.from({ length: n }, (_, i) => name(i)));
  folder.listings = [];
  const first = folder.lister.list(null);
  return {
    prefixes: [],
    objects: first.keys.map((key) => ({
      key,
      size: 1,
      lastModified: null,
      etag: null,
      storageClass: null,
    })),
    nextCursor: first.truncated ? 'more' : null,
  };
}

afterEach(() => {
  folder.lister = null;
});

describe('probeFolder', () => {
  it('walks a 100,000-key folder past what the probes can read until every position is exact', async () => {
    const first = benchFolder(100_000);
    const rounds: number[] = [];
    const map = await probeFolder('b', FOLDER_1M, [first], new AbortController().signal, (m) =>
      rounds.push(m.total()),
    );
    // The probes read at most 60 pages (60,000 keys): the rest was the walk's.
    expect(folder.listings.length).toBeGreaterThan(60);
    expect(map.exact()).toBe(true);
    expect(map.total()).toBe(100_000);
    // Exact: a jump to any rank lists from a key it knows the rank of (a key in 31 rows is
    // kept), and the rows shown are at that rank in the folder.
    const lister = folder.lister!;
    for (const f of [0.1, 0.45, 0.7, 0.99]) {
      const want = Math.floor(f * 100_000);
      const at = map.locate(want);
      expect(at.exact).toBe(true);
      expect(at.rank).toBeLessThanOrEqual(want);
      expect(at.rank).toBeGreaterThan(want - 32);
      expect(lister.indexAfter(at.startAfter)).toBe(at.rank);
    }
    // Every listing read something new: no page listed twice.
    expect(new Set(folder.listings).size).toBe(folder.listings.length);
    expect(rounds.at(-1)).toBe(100_000);
  });

  it("counts a folder of evenly numbered names exactly (the browser bench's 100,000)", async () => {
    const first = benchFolder(100_000, (i) => `k/key-${String(i).padStart(6, '0')}.txt`);
    const map = await probeFolder('b', 'k/', [first], new AbortController().signal, () => {});
    expect(map.exact()).toBe(true);
    expect(map.total()).toBe(100_000);
  });

  it('stops walking after 300 pages: a bigger folder stays estimated past them', async () => {
    const first = benchFolder(400_000);
    const map = await probeFolder('b', FOLDER_1M, [first], new AbortController().signal, () => {});
    expect(map.exact()).toBe(false);
    expect(folder.listings.length).toBeGreaterThan(300);
    expect(folder.listings.length).toBeLessThanOrEqual(60 + 300 + 2);
  });

  it('stops when the folder is left (aborted): no listing after it, and it rejects', async () => {
    const first = benchFolder(100_000);
    const leave = new AbortController();
    let after = -1;
    const done = probeFolder('b', FOLDER_1M, [first], leave.signal, () => {
      if (after < 0) {
        leave.abort(new DOMException('left the folder', 'AbortError'));
        after = folder.listings.length;
      }
    });
    await expect(done).rejects.toThrow('left the folder');
    expect(folder.listings.length).toBe(after);
  });
});
