import { LRUCache } from 'lru-cache';

/**
 * One probe per bucket at a time, its answer kept until it expires: `ttlOf` says how long an
 * answer stays true (Infinity: for the life of the process). Concurrent callers share the
 * probe in flight; a failed probe (e.g. the bucket is missing) is not kept. (lru-cache's
 * fetch, bounded to the 1,000 buckets asked about most recently.)
 */
export function createProbeCache<T extends NonNullable<unknown>>(
  probe: (bucket: string) => Promise<T>,
  ttlOf: (value: T) => number,
  now: () => number = Date.now,
) {
  const cache = new LRUCache<string, T>({
    max: 1000,
    perf: { now },
    // Every look at the clock is a real one (a test moves it by hand).
    ttlResolution: 0,
    fetchMethod: async (bucket, _stale, { options }) => {
      const value = await probe(bucket);
      const ttl = ttlOf(value);
      options.ttl = Number.isFinite(ttl) ? ttl : 0;
      return value;
    },
  });
  const get = async (bucket: string): Promise<T> => (await cache.fetch(bucket)) as T;
  /** Drops a bucket's answer (it was just created or deleted). */
  return Object.assign(get, { forget: (bucket: string) => void cache.delete(bucket) });
}
