import type { QueryClient, RefetchOptions } from '@tanstack/react-query';
import { listingPrefixOf, objectKeyOf, queryKeys } from './query-keys';

/** The listings that show these keys or one of their folders: those whose prefix starts a key. */
export function invalidateListingsOf(
  queryClient: QueryClient,
  bucket: string,
  keys: readonly string[],
  options: RefetchOptions = {},
): Promise<void> {
  return queryClient.invalidateQueries(
    {
      predicate: (query) => {
        const prefix = listingPrefixOf(query.queryKey, bucket);
        return prefix !== null && keys.some((key) => key.startsWith(prefix));
      },
    },
    options,
  );
}

/** After objects were written: their listings, and their details if loaded. */
export async function invalidateWrittenObjects(
  queryClient: QueryClient,
  bucket: string,
  keys: readonly string[],
  options: RefetchOptions = {},
): Promise<void> {
  await Promise.all([
    invalidateListingsOf(queryClient, bucket, keys, options),
    ...keys.map((key) =>
      queryClient.invalidateQueries({ queryKey: queryKeys.object(bucket, key) }, options),
    ),
  ]);
}

/**
 * After objects (or whole folders: `prefixes`) were deleted: the listings above and below them
 * refetch; their details are only marked stale, as refetching them now could only answer 404.
 */
export function invalidateDeletedObjects(
  queryClient: QueryClient,
  bucket: string,
  { keys = [], prefixes = [] }: { keys?: readonly string[]; prefixes?: readonly string[] },
): Promise<void> {
  const gone = (key: string) => keys.includes(key) || prefixes.some((p) => key.startsWith(p));
  const listings = queryClient.invalidateQueries({
    predicate: (query) => {
      const listed = listingPrefixOf(query.queryKey, bucket);
      if (listed === null) return false;
      return (
        keys.some((key) => key.startsWith(listed)) ||
        prefixes.some((p) => p.startsWith(listed) || listed.startsWith(p))
      );
    },
  });
  const details = queryClient.invalidateQueries({
    predicate: (query) => {
      const key = objectKeyOf(query.queryKey, bucket);
      return key !== null && gone(key);
    },
    refetchType: 'none',
  });
  return Promise.all([listings, details]).then(() => undefined);
}

/**
 * After a copy, move or rename wrote and removed keys anywhere in a bucket: every listing of
 * it is stale (only those on screen refetch now).
 */
export function invalidateBucketListings(queryClient: QueryClient, bucket: string): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: [...queryKeys.bucket(bucket), 'objects'] });
}
