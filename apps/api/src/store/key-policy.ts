import { utf8Length } from '@stowage/shared';
import { badRequest } from '../errors.js';

/**
 * Keys the embedded s3rver cannot hold safely: it maps keys to file paths, so `..` and `.`
 * segments escape or alias its directory, `//` and a leading `/` are merged or lost, and a
 * segment over 255 bytes crashes it (ENAMETOOLONG). Real S3 servers accept all of these.
 */
export function embeddedKeyProblem(key: string): string | undefined {
  if (key.startsWith('/')) return 'starts with "/"';
  if (key.includes('//')) return 'contains "//"';
  const segments = key.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return 'has a "." or ".." path segment';
  if (segments.some((s) => utf8Length(s) > 255)) return 'has a path segment over 255 bytes';
  return undefined;
}

export function assertEmbeddedKey(key: string): void {
  const problem = embeddedKeyProblem(key);
  if (problem) {
    throw badRequest(
      `The embedded store cannot hold this key safely: it ${problem}. ` +
        'Connect a real S3 server to use such keys.',
    );
  }
}
