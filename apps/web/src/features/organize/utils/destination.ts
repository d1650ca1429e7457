import { keyBasename, parentPrefix } from '@stowage/shared';

/** Where a copy or move goes: a folder of a bucket ("" is its root). */
export type Destination = { bucket: string; prefix: string };

/** "b2/dest/" as the dialogs show it; the root is "b2/". */
export function destinationLabel({ bucket, prefix }: Destination): string {
  return `${bucket}/${prefix}`;
}

/**
 * Where an item of a selection in `from` lands (a folder's objects keep their structure
 * under its name): "a/x.txt" from "a/" to "d/" -> "d/x.txt", "a/f/" -> "d/f/".
 */
export function destinationKey(key: string, from: string, to: string): string {
  return to + (key.startsWith(from) ? key.slice(from.length) : keyBasename(key));
}

/**
 * A typed path, "bucket/folder/sub/" (the trailing "/" optional), as a destination: null if
 * it names no bucket. Empty segments ("a//b") are kept, as keys may have them.
 */
export function parseDestinationPath(path: string): Destination | null {
  const trimmed = path.replace(/^\/+/, '');
  const slash = trimmed.indexOf('/');
  const bucket = slash < 0 ? trimmed : trimmed.slice(0, slash);
  if (bucket === '') return null;
  let prefix = slash < 0 ? '' : trimmed.slice(slash + 1);
  if (prefix !== '' && !prefix.endsWith('/')) prefix += '/';
  return { bucket, prefix };
}

/** Why items of `from` cannot move to `to`, or null: not where they are, not into themselves. */
export function moveProblem(
  bucket: string,
  from: string,
  prefixes: readonly string[],
  to: Destination,
): string | null {
  if (to.bucket !== bucket) return null;
  if (to.prefix === from) return 'They are in this folder already.';
  if (prefixes.some((p) => to.prefix.startsWith(p))) return 'A folder cannot move into itself.';
  return null;
}

/** The folder above a destination's ("" stays ""). */
export function upOf(prefix: string): string {
  return parentPrefix(prefix);
}
