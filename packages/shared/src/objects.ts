import { z } from 'zod';
import { OBJECTS_PAGE_SIZE } from './api-paths.js';
import { KeyPrefixSchema } from './common.js';

/** One S3 ListObjectsV2 page: `cursor` is the store's continuation token, passed through. */
export const ListObjectsQuerySchema = z
  .object({
    prefix: KeyPrefixSchema.default(''),
    delimiter: z.string().max(1, 'The delimiter is at most one character').default('/'),
    cursor: z.string().min(1).optional(),
    /**
     * Start after this full key, in the store's (byte) order: any position of a folder in one
     * request (S3 `StartAfter`), without paging from its top. Only on a first page: the pages
     * after it are asked by `cursor`. Entries come strictly after it, a subfolder at its prefix's
     * place ("a/b/" after "a/b", not after "a/b/" or a key inside it): the same on every store
     * (S3 itself answers the subfolder a key is inside again; the API leaves it out).
     */
    startAfter: z.string().min(1).max(1024, 'startAfter is at most 1024 characters').optional(),
    limit: z.coerce
      .number()
      .int('The limit is a whole number')
      .min(1, 'The limit is at least 1')
      .max(OBJECTS_PAGE_SIZE, `The limit is at most ${OBJECTS_PAGE_SIZE}`)
      .default(OBJECTS_PAGE_SIZE),
    /**
     * Also keys whose current version is a delete marker (`deleted: true` entries) and folders
     * that only hold such keys. Read from ListObjectVersions, so a page holds at most `limit`
     * versions, markers and folders together; every key is still on exactly one page. A bucket
     * that was never versioned, or a store without versioning, answers the plain listing.
     */
    deleted: z
      .enum(['0', '1', 'true', 'false'], { message: 'deleted is 1 or 0' })
      .transform((v) => v === '1' || v === 'true')
      .optional(),
  })
  .refine((q) => q.cursor === undefined || q.startAfter === undefined, {
    message: 'Either cursor or startAfter: a cursor already says where the next page starts',
    path: ['startAfter'],
  });
export type ListObjectsQuery = z.infer<typeof ListObjectsQuerySchema>;

export const ObjectSummarySchema = z.object({
  key: z.string(),
  size: z.number().int().nonnegative(),
  lastModified: z.string().nullable(),
  etag: z.string().nullable(),
  storageClass: z.string().nullable(),
  /**
   * Only in a `deleted=true` listing, on a key whose current version is a delete marker: size
   * 0, etag null, lastModified the time of the delete, and `versionId` the marker's.
   */
  deleted: z.literal(true).optional(),
  versionId: z.string().nullable().optional(),
});
export type ObjectSummary = z.infer<typeof ObjectSummarySchema>;

export const ListObjectsResponseSchema = z.object({
  prefixes: z.array(z.string()),
  objects: z.array(ObjectSummarySchema),
  nextCursor: z.string().nullable(),
  /** Only in a `deleted=true` listing: the folders of `prefixes` that hold only deleted keys. */
  deletedPrefixes: z.array(z.string()).optional(),
});
export type ListObjectsResponse = z.infer<typeof ListObjectsResponseSchema>;
