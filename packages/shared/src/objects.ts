import { z } from 'zod';
import { OBJECTS_PAGE_SIZE } from './api-paths.js';
import { KeyPrefixSchema } from './common.js';

/** One S3 ListObjectsV2 page: `cursor` is the store's continuation token, passed through. */
export const ListObjectsQuerySchema = z.object({
  prefix: KeyPrefixSchema.default(''),
  delimiter: z.string().max(1, 'The delimiter is at most one character').default('/'),
  cursor: z.string().min(1).optional(),
  limit: z.coerce
    .number()
    .int('The limit is a whole number')
    .min(1, 'The limit is at least 1')
    .max(OBJECTS_PAGE_SIZE, `The limit is at most ${OBJECTS_PAGE_SIZE}`)
    .default(OBJECTS_PAGE_SIZE),
});
export type ListObjectsQuery = z.infer<typeof ListObjectsQuerySchema>;

export const ObjectSummarySchema = z.object({
  key: z.string(),
  size: z.number().int().nonnegative(),
  lastModified: z.string().nullable(),
  etag: z.string().nullable(),
  storageClass: z.string().nullable(),
});
export type ObjectSummary = z.infer<typeof ObjectSummarySchema>;

export const ListObjectsResponseSchema = z.object({
  prefixes: z.array(z.string()),
  objects: z.array(ObjectSummarySchema),
  nextCursor: z.string().nullable(),
});
export type ListObjectsResponse = z.infer<typeof ListObjectsResponseSchema>;
