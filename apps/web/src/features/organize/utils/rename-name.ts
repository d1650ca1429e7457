import { parentPrefix } from '@stowage/shared';

/** The name a rename dialog starts with: an object's last segment, a folder's without "/". */
export function currentName(key: string): string {
  const trimmed = key.endsWith('/') ? key.slice(0, -1) : key;
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/**
 * What is wrong with a new name, or null. A "/" is refused: a rename stays in its folder,
 * and "Move to…" is the way to another one (so a typo cannot scatter keys into new folders).
 */
export function renameProblem(name: string, key: string): string | null {
  if (name === '') return 'Enter a name.';
  if (name.includes('/')) {
    return 'A name cannot contain “/”. To put it in another folder, use “Move to…”.';
  }
  if (name === '.' || name === '..') return 'A name cannot be “.” or “..”.';
  if (name === currentName(key)) return 'That is its name already.';
  return null;
}

/** The key a rename makes: the same folder, the new name ("a/b.txt" + "c.txt" -> "a/c.txt"). */
export function renamedKey(key: string, name: string): string {
  return `${parentPrefix(key)}${name}${key.endsWith('/') ? '/' : ''}`;
}
