/**
 * A bucket allowlist (a profile's `buckets`, an SSO role's `buckets`): exact bucket names and
 * `prefix*` patterns. The one match rule, for the API's gate and the store seam alike.
 */

/** An exact bucket name, or a prefix of one followed by a single `*` at the end. */
export const BUCKET_PATTERN_RE = /^[a-z0-9][a-z0-9.-]{0,62}\*?$/;

/** True when `bucket` is one of the allowlist's names or starts with one of its `prefix*`. */
export function bucketAllowed(bucket: string, allowlist: readonly string[]): boolean {
  return allowlist.some((entry) =>
    entry.endsWith('*') ? bucket.startsWith(entry.slice(0, -1)) : entry === bucket,
  );
}

/**
 * Both allowlists at once (an SSO role's inside its profile's). Undefined means "every bucket".
 * A profile's list holds exact names, so the result does too whenever the profile has one.
 */
export function intersectAllowlists(
  outer: readonly string[] | undefined,
  inner: readonly string[] | undefined,
): string[] | undefined {
  if (!inner) return outer ? [...outer] : undefined;
  if (!outer) return [...inner];
  const exact = outer.filter((b) => !b.endsWith('*') && bucketAllowed(b, inner));
  const innerExact = inner.filter((b) => !b.endsWith('*') && bucketAllowed(b, outer));
  return [...new Set([...exact, ...innerExact])];
}
