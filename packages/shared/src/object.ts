import { z } from 'zod';
import { ObjectKeySchema } from './common.js';

export const TagSchema = z.object({ key: z.string(), value: z.string() });
export type Tag = z.infer<typeof TagSchema>;

/** Everything HeadObject says about one object (its tags are ObjectTagsSchema, a request of their own). */
export const ObjectDetailsSchema = z.object({
  key: z.string(),
  size: z.number().int().nonnegative(),
  etag: z.string().nullable(),
  lastModified: z.string().nullable(),
  contentType: z.string().nullable(),
  cacheControl: z.string().nullable(),
  contentDisposition: z.string().nullable(),
  contentEncoding: z.string().nullable(),
  contentLanguage: z.string().nullable(),
  expires: z.string().nullable(),
  storageClass: z.string().nullable(),
  versionId: z.string().nullable(),
  metadata: z.record(z.string(), z.string()),
});
export type ObjectDetails = z.infer<typeof ObjectDetailsSchema>;

/** An object's tags as the store holds them (GetObjectTagging). */
export const ObjectTagsSchema = z.object({ tags: z.array(TagSchema) });
export type ObjectTags = z.infer<typeof ObjectTagsSchema>;

const booleanFlag = (name: string) =>
  z
    .enum(['0', '1', 'true', 'false'], { message: `${name} is 1 or 0` })
    .transform((v) => v === '1' || v === 'true');

export const ObjectContentQuerySchema = z.object({
  key: ObjectKeySchema,
  download: booleanFlag('download').optional(),
  /**
   * The bytes through Stowage even on a profile whose downloads redirect to the store: what a
   * page reads with fetch() (text previews, the text editor) needs the answer same-origin.
   */
  relay: booleanFlag('relay').optional(),
});
export type ObjectContentQuery = z.infer<typeof ObjectContentQuerySchema>;
