import { z } from 'zod';
import { KeyPrefixSchema, ObjectKeySchema } from './common.js';
import { byteOrder } from './key-order.js';

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
  z
    .strictObject({
      prefix: KeyPrefixSchema.min(1, 'A folder delete needs a prefix; the bucket root is refused'),
      /**
       * A range of the folder (a windowed listing's "all keys from A to B"): only the keys from
       * `from` to `to`, both included, in S3 (byte) order. A `to` that is a subfolder ("…/")
       * covers that whole subfolder. Either may be left out (from the first / to the last).
       */
      from: ObjectKeySchema.optional(),
      to: ObjectKeySchema.optional(),
    })
    .refine((b) => [b.from, b.to].every((k) => k === undefined || k.startsWith(b.prefix)), {
      message: 'from and to are keys under the prefix',
      path: ['from'],
    })
    .refine((b) => b.from === undefined || b.to === undefined || byteOrder(b.from, b.to) <= 0, {
      message: 'from comes before to (S3 order)',
      path: ['to'],
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
  /** A streamed folder delete only: true when the client closed the stream and the work stopped. */
  cancelled: z.boolean().optional(),
});
export type DeleteObjectsResponse = z.infer<typeof DeleteObjectsResponseSchema>;

/**
 * A progress line of a folder delete answered as `application/x-ndjson`: objects deleted and
 * objects the store refused so far, of the `total` listed; written once the folder is listed
 * and after each DeleteObjects batch (at most every 100 ms). The last line is the
 * DeleteObjectsResponse.
 */
export const DeleteProgressSchema = z.object({
  deleted: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type DeleteProgress = z.infer<typeof DeleteProgressSchema>;

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
