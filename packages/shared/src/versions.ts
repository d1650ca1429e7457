import { z } from 'zod';
import { bucketPath } from './api-paths.js';
import { ObjectKeySchema } from './common.js';

/**
 * Versions and recovery (issue 19): an object's history, restore, undelete, permanent delete,
 * and a bucket's versioning switch. Version ids are opaque strings, passed through exactly.
 */

/** A version id as the store gave it ("null" is a real id: the object of an unversioned write). */
export const VersionIdSchema = z
  .string()
  .min(1, 'The version id is empty')
  .max(1024, 'The version id is longer than 1,024 characters')
  .refine((v) => !v.includes('\0'), 'The version id contains a NUL character');

/** Entries of one versions page: the API's cap on `limit`. */
export const VERSIONS_PAGE_MAX = 1000;
/** The page size when none is asked for (the details panel's page). */
export const VERSIONS_PAGE_DEFAULT = 100;

/** `GET /api/buckets/:bucket/versions?key=K[&cursor=…&limit=…]` */
export const ListVersionsQuerySchema = z.object({
  key: ObjectKeySchema,
  cursor: z.string().min(1).optional(),
  limit: z.coerce
    .number()
    .int('The limit is a whole number')
    .min(1, 'The limit is at least 1')
    .max(VERSIONS_PAGE_MAX, `The limit is at most ${VERSIONS_PAGE_MAX}`)
    .default(VERSIONS_PAGE_DEFAULT),
});
export type ListVersionsQuery = z.infer<typeof ListVersionsQuerySchema>;

/** One version or delete marker of one key, newest first in a listing. */
export const ObjectVersionSchema = z.object({
  versionId: z.string(),
  /** The current version (or the delete marker that hides the key). */
  isLatest: z.boolean(),
  isDeleteMarker: z.boolean(),
  /** 0 for a delete marker. */
  size: z.number().int().nonnegative(),
  /** null for a delete marker. */
  etag: z.string().nullable(),
  lastModified: z.string().nullable(),
});
export type ObjectVersion = z.infer<typeof ObjectVersionSchema>;

export const ListVersionsResponseSchema = z.object({
  versions: z.array(ObjectVersionSchema),
  /** Opaque: pass it back as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type ListVersionsResponse = z.infer<typeof ListVersionsResponseSchema>;

/** `?key=K[&versionId=V]`: details, content and tags of one version (the current one without it). */
export const ObjectVersionQuerySchema = z.object({
  key: ObjectKeySchema,
  versionId: VersionIdSchema.optional(),
});
export type ObjectVersionQuery = z.infer<typeof ObjectVersionQuerySchema>;

/** `POST /api/buckets/:bucket/object/restore?key=K&versionId=V`: copy that version over the key. */
export const RestoreVersionQuerySchema = z.object({
  key: ObjectKeySchema,
  versionId: VersionIdSchema,
});
export type RestoreVersionQuery = z.infer<typeof RestoreVersionQuerySchema>;

/** The key's current version after a restore or an undelete. */
export const RestoreVersionResponseSchema = ObjectVersionSchema;
export type RestoreVersionResponse = ObjectVersion;

/** `POST /api/buckets/:bucket/object/undelete?key=K`: removes the delete markers above the newest version. */
export const UndeleteQuerySchema = z.object({ key: ObjectKeySchema });

/** `PUT /api/buckets/:bucket/versioning` (a bucket never returns to "never enabled"). */
export const PutVersioningBodySchema = z.strictObject({
  status: z.enum(['Enabled', 'Suspended'], { message: 'status is "Enabled" or "Suspended"' }),
});
export type PutVersioningBody = z.infer<typeof PutVersioningBodySchema>;

export const VersioningResponseSchema = z.object({
  status: z.enum(['Enabled', 'Suspended', 'Off', 'unsupported', 'unknown']),
});
export type VersioningResponse = z.infer<typeof VersioningResponseSchema>;

/** `GET`/`PUT`: the bucket's versioning status. */
export function versioningPath(bucket: string): string {
  return `${bucketPath(bucket)}/versioning`;
}
