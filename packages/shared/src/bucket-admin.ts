import { z } from 'zod';
import { KeyPrefixSchema, ObjectKeySchema } from './common.js';
import { VersioningStatusSchema } from './capabilities.js';
import { CopyProgressSchema } from './organize.js';

/**
 * Bucket administration: create, delete and empty a bucket; its unfinished multipart uploads;
 * its usage. The settings documents are in bucket-settings.ts.
 */

/** IPv4-like names are refused by S3 (they would read as an address). */
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * A new bucket's name, by S3's rules for new buckets (stricter than the names Stowage reads,
 * BucketNameSchema): 3-63 characters, lower-case letters, digits, "." and "-", starting and
 * ending with a letter or digit, no "..", not an IP address, none of the reserved prefixes
 * and suffixes. Each rule has its own message, so the form says which one a name breaks.
 */
export const NewBucketNameSchema = z
  .string()
  .min(3, 'A bucket name is at least 3 characters long')
  .max(63, 'A bucket name is at most 63 characters long')
  .regex(/^[a-z0-9.-]*$/, 'A bucket name uses lower-case letters, digits, "." and "-" only')
  .regex(/^[a-z0-9]/, 'A bucket name starts with a letter or a digit')
  .regex(/[a-z0-9]$/, 'A bucket name ends with a letter or a digit')
  .refine((n) => !n.includes('..'), 'A bucket name has no two dots in a row')
  .refine((n) => !n.includes('.-') && !n.includes('-.'), 'A bucket name has no "." next to "-"')
  .refine((n) => !IPV4.test(n), 'A bucket name is not an IP address')
  .refine(
    (n) => !/^(xn--|sthree-|amzn-s3-demo-)/.test(n),
    'A bucket name does not start with "xn--", "sthree-" or "amzn-s3-demo-"',
  )
  .refine(
    (n) => !/(-s3alias|--ol-s3|--x-s3|--table-s3)$/.test(n),
    'A bucket name does not end with "-s3alias", "--ol-s3", "--x-s3" or "--table-s3"',
  );

/** `POST /api/buckets`. */
export const CreateBucketBodySchema = z.strictObject({
  name: NewBucketNameSchema,
  /** The LocationConstraint, where the store needs one (AWS outside us-east-1). */
  region: z
    .string()
    .regex(/^[a-z0-9-]{1,64}$/, 'A region is lower-case letters, digits and "-"')
    .optional(),
  /** Turn versioning on once the bucket exists. */
  versioning: z.boolean().default(false),
  /** Object lock, which can only be chosen at creation (it also turns versioning on). */
  objectLock: z.boolean().default(false),
});
export type CreateBucketBody = z.infer<typeof CreateBucketBodySchema>;
export type CreateBucketInput = z.input<typeof CreateBucketBodySchema>;

/** What the store then holds (read back). */
export const CreateBucketResponseSchema = z.object({
  name: z.string(),
  versioning: VersioningStatusSchema,
  objectLock: z.boolean(),
});
export type CreateBucketResponse = z.infer<typeof CreateBucketResponseSchema>;

/** One entry the store would not delete while emptying (a version, when it has an id). */
export const EmptyErrorSchema = z.object({
  key: z.string(),
  versionId: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});

/**
 * `POST /api/buckets/:bucket/empty`: objects, and on a versioned bucket every version and
 * delete marker, and the unfinished multipart uploads (they hold space and some stores refuse
 * to delete a bucket that has them). The body names the bucket again, as the user typed it.
 */
export const EmptyBucketBodySchema = z.strictObject({ confirm: z.string() });
/** Progress lines (NDJSON) are CopyProgress: entries removed and their bytes, of the totals. */
export const EmptyBucketProgressSchema = CopyProgressSchema;
export const EmptyBucketResultSchema = z.object({
  /** Objects, versions and delete markers removed. */
  deleted: z.number().int().nonnegative(),
  /** Unfinished multipart uploads aborted. */
  uploadsAborted: z.number().int().nonnegative(),
  errors: z.array(EmptyErrorSchema),
  cancelled: z.boolean(),
});
export type EmptyBucketResult = z.infer<typeof EmptyBucketResultSchema>;

/** One unfinished multipart upload, with what its parts hold (ListParts). */
export const MultipartUploadSchema = z.object({
  key: z.string(),
  uploadId: z.string(),
  initiated: z.string().nullable(),
  storageClass: z.string().nullable(),
  parts: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
});
export type MultipartUpload = z.infer<typeof MultipartUploadSchema>;

/** `GET /api/buckets/:bucket/uploads?prefix=&cursor=`: one ListMultipartUploads page. */
export const ListUploadsQuerySchema = z.object({
  prefix: KeyPrefixSchema.optional(),
  cursor: z.string().optional(),
});
export const ListUploadsResponseSchema = z.object({
  uploads: z.array(MultipartUploadSchema),
  nextCursor: z.string().nullable(),
});
export type ListUploadsResponse = z.infer<typeof ListUploadsResponseSchema>;

/** `DELETE /api/buckets/:bucket/uploads?key=&uploadId=`. */
export const AbortUploadQuerySchema = z.object({
  key: ObjectKeySchema,
  uploadId: z.string().min(1, 'An upload id is needed'),
});

/** `POST /api/buckets/:bucket/uploads/abort-older`: every upload started more than N days ago. */
export const AbortOlderBodySchema = z.strictObject({
  days: z.number().int('Whole days').min(0, 'At least 0 days').max(36_500),
});
export const AbortOlderResponseSchema = z.object({
  aborted: z.number().int().nonnegative(),
  errors: z.array(EmptyErrorSchema.omit({ versionId: true }).extend({ uploadId: z.string() })),
});
export type AbortOlderResponse = z.infer<typeof AbortOlderResponseSchema>;

/** `GET /api/buckets/:bucket/usage?prefix=`. */
export const UsageQuerySchema = z.object({ prefix: KeyPrefixSchema.default('') });
/** A progress line (NDJSON): what the walk has counted so far. */
export const UsageProgressSchema = z.object({
  objects: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
});
export type UsageProgress = z.infer<typeof UsageProgressSchema>;
export const UsageCountSchema = z.object({
  count: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
});
/** How many of the largest objects the usage names. */
export const USAGE_LARGEST = 20;
export const UsageResultSchema = z.object({
  objects: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  largest: z.array(
    z.object({ key: z.string(), size: z.number().int(), lastModified: z.string().nullable() }),
  ),
  /**
   * Unfinished multipart uploads under the prefix and the bytes their parts hold; null where
   * the store cannot list them (s3rver has no ListMultipartUploads).
   */
  uploads: UsageCountSchema.nullable(),
  /** Noncurrent versions and delete markers under the prefix; null where the bucket was never versioned or the store has no versioning. */
  noncurrent: UsageCountSchema.nullable(),
  /** True when the client stopped the walk: the figures are what was counted until then. */
  cancelled: z.boolean(),
  /**
   * Only in a stream's last line, when the store failed after the answer started (a JSON
   * answer is then an ordinary error answer): what stopped the walk.
   */
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type UsageResult = z.infer<typeof UsageResultSchema>;
