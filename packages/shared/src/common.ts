import { z } from 'zod';
import { MAX_KEY_BYTES, utf8Length } from './keys.js';

/**
 * Legacy stores (and us-east-1 before 2018) allow upper case and `_`, so we accept
 * the superset and let the store answer for its own rules.
 */
export const BucketNameSchema = z
  .string()
  .min(3, 'Bucket names are at least 3 characters long')
  .max(255, 'Bucket names are at most 255 characters long')
  .regex(/^[A-Za-z0-9._-]+$/, 'Bucket names use letters, digits, ".", "_" and "-" only');

/** NUL ends a string in C and has no XML form: no store can carry it, none gets it. */
const noNul = (what: string) =>
  [(s: string) => !s.includes('\0'), `${what} contains a NUL character`] as const;

export const ObjectKeySchema = z
  .string()
  .min(1, 'The object key is empty')
  .refine((k) => utf8Length(k) <= MAX_KEY_BYTES, {
    message: `The object key is longer than ${MAX_KEY_BYTES} bytes (UTF-8)`,
  })
  .refine(...noNul('The object key'));

/** A key prefix (a folder, or the start of a key): any string but one with a NUL. */
export const KeyPrefixSchema = z.string().refine(...noNul('The prefix'));

export const BucketParamsSchema = z.object({ bucket: BucketNameSchema });
export type BucketParams = z.infer<typeof BucketParamsSchema>;

export const ObjectKeyQuerySchema = z.object({ key: ObjectKeySchema });
export type ObjectKeyQuery = z.infer<typeof ObjectKeyQuerySchema>;
