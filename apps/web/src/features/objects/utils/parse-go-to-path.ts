import { parentPrefix } from '@stowage/shared';

export type GoToTarget = { prefix: string; key?: string };

/**
 * A path inside the current bucket: "" is the root, "a/b/" is a folder, and anything
 * else is an object, selected inside its parent folder. Taken literally: S3 keys may
 * start with "/" or contain "//".
 */
export function parseGoToPath(path: string): GoToTarget {
  if (path === '' || path.endsWith('/')) return { prefix: path };
  return { prefix: parentPrefix(path), key: path };
}
