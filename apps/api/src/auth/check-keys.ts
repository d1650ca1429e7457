import { timingSafeEqual, createHash } from 'node:crypto';
import { EMBEDDED_CREDENTIALS } from '../config.js';
import { HttpError } from '../errors.js';
import type { Credentials, Profile } from '../profiles.js';
import type { S3Store } from '../store/s3-store.js';

export const KEYS_REFUSED = 'The store refused these keys';

/** Equal-time comparison of two strings of any length (hashing first evens the lengths). */
export const sameSecret = (a: string, b: string) =>
  timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

/**
 * Are these the keys of a user of the profile's store? The store answers: ListBuckets, or
 * HeadBucket on the first allowed bucket when the profile has an allowlist (keys limited to
 * some buckets may not list them all). s3rver checks no signature (s3rver.md), so the embedded
 * store's keys are compared here instead. A refusal is 401; an unreachable store stays 502.
 */
export async function checkKeys(profile: Profile, keys: Credentials, store: S3Store) {
  if (profile.connection.embedded) {
    const idOk = sameSecret(keys.accessKeyId, EMBEDDED_CREDENTIALS.accessKeyId);
    const secretOk = sameSecret(keys.secretAccessKey, EMBEDDED_CREDENTIALS.secretAccessKey);
    if (!(idOk && secretOk)) throw new HttpError(401, KEYS_REFUSED);
    return;
  }
  try {
    const first = profile.buckets?.[0];
    if (first) await store.bucketExists(first);
    else await store.listBuckets();
  } catch (err) {
    if (err instanceof HttpError && err.statusCode === 403) throw new HttpError(401, KEYS_REFUSED);
    throw err;
  }
}
