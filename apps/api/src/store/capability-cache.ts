/**
 * One probe per bucket at a time, its answer kept until it expires: `ttlOf` says how long an
 * answer stays true (Infinity: for the life of the process). Concurrent callers share the
 * probe in flight; a failed probe (e.g. the bucket is missing) is not kept.
 */
export function createProbeCache<T>(
  probe: (bucket: string) => Promise<T>,
  ttlOf: (value: T) => number,
  now: () => number = Date.now,
) {
  const entries = new Map<string, { value: Promise<T>; expires: number }>();
  return (bucket: string): Promise<T> => {
    const cached = entries.get(bucket);
    if (cached && cached.expires > now()) return cached.value;
    const entry = { value: probe(bucket), expires: Infinity };
    entries.set(bucket, entry);
    entry.value.then(
      (value) => {
        entry.expires = now() + ttlOf(value);
      },
      () => {
        if (entries.get(bucket) === entry) entries.delete(bucket);
      },
    );
    return entry.value;
  };
}
