import { z } from 'zod';
import { KeyPrefixSchema } from './common.js';
import { MAX_KEY_BYTES, utf8Length } from './keys.js';

/** Why one folder name (a single path segment, no "/") cannot be used, or null. */
export function folderNameProblem(name: string): string | null {
  if (name === '') return 'A name is needed';
  if (name.includes('/')) return 'A folder name cannot contain "/"';
  if (name === '.' || name === '..') return `"${name}" cannot be a folder name`;
  if (name.includes('\0')) return 'The name contains a NUL character';
  return null;
}

/**
 * A new folder's prefix: ends in "/", and each of its segments is a folder name (none empty,
 * none "." or ".."), within the store's key length.
 */
export const FolderPrefixSchema = KeyPrefixSchema.superRefine((prefix, ctx) => {
  if (!prefix.endsWith('/')) {
    ctx.addIssue({ code: 'custom', message: 'A folder ends with "/"' });
    return;
  }
  if (utf8Length(prefix) > MAX_KEY_BYTES) {
    ctx.addIssue({
      code: 'custom',
      message: `The folder's path is longer than ${MAX_KEY_BYTES} bytes (UTF-8)`,
    });
    return;
  }
  for (const segment of prefix.slice(0, -1).split('/')) {
    const problem = folderNameProblem(segment);
    if (problem) {
      ctx.addIssue({ code: 'custom', message: `${problem} (in "${prefix}")` });
      return;
    }
  }
});

/** `POST /api/buckets/:bucket/folders`: make an empty folder (a zero-byte `prefix/` marker). */
export const CreateFolderBodySchema = z.object({ prefix: FolderPrefixSchema }).strict();
export type CreateFolderBody = z.infer<typeof CreateFolderBodySchema>;

/** The folder as the listing shows it. */
export const CreateFolderResponseSchema = z.object({
  kind: z.literal('folder'),
  prefix: z.string(),
});
export type CreateFolderResponse = z.infer<typeof CreateFolderResponseSchema>;

/** `PUT …/object/content?key=` takes `If-Match` (the ETag the editor loaded): required. */
export const EditTextHeadersSchema = z.object({
  'if-match': z
    .string({ message: 'If-Match is required: the ETag of the text you edited' })
    .min(1, 'If-Match is required: the ETag of the text you edited'),
});
