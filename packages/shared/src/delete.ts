import { z } from 'zod';
import { KeyPrefixSchema, ObjectKeySchema } from './common.js';

/** Keys in one bulk request; the API sends them to S3 in DeleteObjects batches of 1,000. */
export const MAX_DELETE_KEYS = 10_000;

/** Either keys or a prefix: a body with both (or anything else) is refused, not guessed at. */
export const DeleteObjectsBodySchema = z.union([
  z.strictObject({
    keys: z
      .array(ObjectKeySchema)
      .min(1, 'Name at least one key')
      .max(MAX_DELETE_KEYS, `At most ${MAX_DELETE_KEYS} keys per request`),
  }),
  z.strictObject({
    prefix: KeyPrefixSchema.min(1, 'A folder delete needs a prefix; the bucket root is refused'),
  }),
]);
export type DeleteObjectsBody = z.infer<typeof DeleteObjectsBodySchema>;

export const DeleteErrorSchema = z.object({
  key: z.string(),
  code: z.string(),
  message: z.string(),
});
export const DeleteObjectsResponseSchema = z.object({
  deleted: z.number().int().nonnegative(),
  errors: z.array(DeleteErrorSchema),
});
export type DeleteObjectsResponse = z.infer<typeof DeleteObjectsResponseSchema>;

/** What a folder delete would remove, for the confirmation dialog. */
export const PrefixSummaryQuerySchema = z.object({ prefix: KeyPrefixSchema.min(1) });
export const PrefixSummaryResponseSchema = z.object({
  count: z.number().int().nonnegative(),
  totalSize: z.number().int().nonnegative(),
  /** True when counting stopped at the cap: "more than `count` objects". */
  truncated: z.boolean(),
});
export type PrefixSummaryResponse = z.infer<typeof PrefixSummaryResponseSchema>;

/** Which of these keys exist already (asked before an upload batch). */
export const ExistingKeysBodySchema = z.object({
  keys: z.array(ObjectKeySchema).min(1).max(1000, 'At most 1000 keys per request'),
});
export const ExistingKeysResponseSchema = z.object({ existing: z.array(z.string()) });
