import { z } from 'zod';
import { ObjectKeySchema } from './common.js';
import { utf8Length } from './keys.js';
import { ObjectDetailsSchema } from './object.js';

/** S3 counts user metadata as the UTF-8 bytes of every name and value together. */
export const MAX_METADATA_BYTES = 2048;

export const MetadataNameSchema = z
  .string()
  .min(1, 'A metadata name is needed')
  .regex(/^[a-z0-9_-]+$/, 'Metadata names use lowercase letters, digits, "-" and "_" only');

/**
 * Values travel as printable ASCII, as HTTP headers must. Non-ASCII text is sent as RFC 2047
 * encoded words (see encodeMetadataValue), which the forms do for the user.
 */
export const MetadataValueSchema = z
  .string()
  .regex(
    /^[\x20-\x7e]*$/,
    'Metadata values are printable ASCII; encode other text as RFC 2047 words (=?UTF-8?B?…?=)',
  );

export const MetadataSchema = z.record(z.string(), MetadataValueSchema).superRefine((m, ctx) => {
  let bytes = 0;
  for (const [name, value] of Object.entries(m)) {
    const r = MetadataNameSchema.safeParse(name);
    if (!r.success)
      ctx.addIssue({ code: 'custom', message: r.error.issues[0]?.message ?? '', path: [name] });
    bytes += utf8Length(name) + utf8Length(value);
  }
  if (bytes > MAX_METADATA_BYTES) {
    ctx.addIssue({
      code: 'custom',
      message: `User metadata is over S3's limit of ${MAX_METADATA_BYTES} bytes (names and values together)`,
    });
  }
});
export type Metadata = z.infer<typeof MetadataSchema>;

/** A system header in an edit: a string sets it, null removes it, absent keeps it as it is. */
const headerField = (name: string) =>
  z
    .string()
    .regex(/^[\x20-\x7e]*$/, `${name} is printable ASCII`)
    .max(1024, `${name} is at most 1024 characters`)
    .nullable()
    .optional();

export const UpdateMetadataBodySchema = z.object({
  metadata: MetadataSchema,
  contentType: headerField('Content-Type'),
  cacheControl: headerField('Cache-Control'),
  contentDisposition: headerField('Content-Disposition'),
  contentEncoding: headerField('Content-Encoding'),
  contentLanguage: headerField('Content-Language'),
  expires: z
    .string()
    .refine((s) => !Number.isNaN(Date.parse(s)), 'Expires is a date (ISO 8601 or an HTTP date)')
    .nullable()
    .optional(),
  /** The ETag the form was loaded with: a concurrent change then answers 409. */
  ifMatch: z.string().min(1).optional(),
});
export type UpdateMetadataBody = z.infer<typeof UpdateMetadataBodySchema>;
export const UpdateMetadataResponseSchema = ObjectDetailsSchema;

/** Multipart form fields that may come before the file part of an upload. */
export const UploadFieldsSchema = z.object({
  contentType: headerField('Content-Type'),
  /** JSON object of user metadata. */
  metadata: MetadataSchema.optional(),
  /** The file's size in bytes, when the client knows it: it sizes the multipart parts. */
  size: z.coerce.number().int().nonnegative().optional(),
});
export type UploadFields = z.infer<typeof UploadFieldsSchema>;

export const UploadQuerySchema = z.object({ key: ObjectKeySchema });
export const UploadResponseSchema = z.object({
  key: z.string(),
  size: z.number().int().nonnegative(),
  etag: z.string().nullable(),
});
export type UploadResponse = z.infer<typeof UploadResponseSchema>;
