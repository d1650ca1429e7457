import { bucketAllowed, utf8Length } from '@stowage/shared';
import { HttpError, unsafeKey } from '../errors.js';

/**
 * Which keys a connection refuses before they reach the store. A key travels in the request
 * path (`/bucket/key`), and some stores resolve `.` and `..` segments there as a file system
 * would (s3rver does): such a key could then name another key, or another bucket.
 */
export interface KeyPolicy {
  /** The store maps keys to file paths (s3rver; the `fileSystemKeys` quirk). */
  fileSystemKeys: boolean;
  /** The profile may use only some buckets: no `.` or `..` segment at all. */
  confined: boolean;
}

export const keyPolicyOf = (config: {
  quirks: { fileSystemKeys: boolean };
  bucketAllowlist?: readonly string[] | undefined;
}): KeyPolicy => ({
  fileSystemKeys: config.quirks.fileSystemKeys,
  confined: config.bucketAllowlist !== undefined,
});

/**
 * Does the key climb above its bucket once `..` segments are resolved? Counted the way the
 * strictest resolver does (empty segments collapse, as in path.join), so `a//../../b` does.
 */
function climbsOut(segments: string[]): boolean {
  let depth = 0;
  for (const s of segments) {
    if (s === '..') depth -= 1;
    else if (s !== '.' && s !== '') depth += 1;
    if (depth < 0) return true;
  }
  return false;
}

/**
 * Keys a store that maps keys to file paths (s3rver) cannot hold safely: `..` and `.`
 * segments escape or alias its directory, `//` and a leading `/` are merged or lost, and a
 * segment over 255 bytes crashes it (ENAMETOOLONG). Real S3 servers accept all of these.
 */
export function fileSystemKeyProblem(key: string): string | undefined {
  if (key.startsWith('/')) return 'starts with "/"';
  if (key.includes('//')) return 'contains "//"';
  const segments = key.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return 'has a "." or ".." path segment';
  if (segments.some((s) => utf8Length(s) > 255)) return 'has a path segment over 255 bytes';
  return undefined;
}

/** Why this connection refuses the key, as the error to answer; undefined when it may go. */
export function keyError(key: string, policy: KeyPolicy): HttpError | undefined {
  if (key.includes('\0')) return unsafeKey('The object key contains a NUL character');
  const segments = key.split('/');
  if (climbsOut(segments)) {
    return unsafeKey(
      'The object key climbs out of its bucket with ".." segments; a store that resolves ' +
        'them would reach another bucket, so it is refused',
    );
  }
  if (policy.fileSystemKeys) {
    const problem = fileSystemKeyProblem(key);
    if (problem) {
      return unsafeKey(
        `This store keeps objects as files and cannot hold this key safely: it ${problem}. ` +
          'Connect a real S3 server to use such keys.',
      );
    }
  }
  if (policy.confined && segments.some((s) => s === '.' || s === '..')) {
    return unsafeKey(
      'This connection may use only some buckets, so keys with a "." or ".." path segment ' +
        'are refused: a store that resolves them could reach another bucket',
    );
  }
  return undefined;
}

/** The bucket this connection may not use, as the error to answer. */
export function bucketError(bucket: string, allowlist: readonly string[] | undefined) {
  if (!allowlist || bucketAllowed(bucket, allowlist)) return undefined;
  return new HttpError('BucketNotAllowed', `This connection may not use the bucket ${bucket}`);
}
