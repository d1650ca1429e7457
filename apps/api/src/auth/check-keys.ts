import { HttpError } from '../errors.js';
import type { Credentials } from '../config/connection.js';
import type { Profile } from '../config/profiles.js';
import type { ObjectStore } from '../store/object-store.js';

export const KEYS_REFUSED = 'The store refused these keys';

/**
 * Are these the keys of a user of the profile's store? The store answers: ListBuckets, or
 * HeadBucket on the first allowed bucket when the profile has an allowlist (keys limited to
 * some buckets may not list them all). The embedded store checks signatures like any other
 * (embedded/embedded-auth.ts). A refusal is 401; an unreachable store stays 502.
 */
export async function checkKeys(profile: Profile, keys: Credentials, store: ObjectStore) {
  try {
    const first = profile.buckets?.[0];
    if (first) await store.bucketExists(first);
    else await store.listBuckets();
  } catch (err) {
    if (err instanceof HttpError && err.statusCode === 403)
      throw new HttpError('KeysRefused', KEYS_REFUSED);
    throw err;
  }
}
