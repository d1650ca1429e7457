import { z } from 'zod';
import { ObjectKeySchema } from './common.js';
import { MetadataSchema } from './metadata.js';
import { MAX_MULTIPART_OBJECT_SIZE, MAX_MULTIPART_PARTS } from './multipart-paths.js';

/** POST /api/buckets/:bucket/multipart */
export const CreateMultipartBodySchema = z.object({
  key: ObjectKeySchema,
  contentType: z.string().min(1).optional(),
  metadata: MetadataSchema.optional(),
  size: z.number().int().nonnegative().max(MAX_MULTIPART_OBJECT_SIZE),
});
export type CreateMultipartBody = z.infer<typeof CreateMultipartBodySchema>;

export const CreateMultipartResponseSchema = z.object({
  uploadId: z.string().min(1),
  partSize: z.number().int().positive(),
  parts: z.number().int().positive().max(MAX_MULTIPART_PARTS),
});
export type CreateMultipartResponse = z.infer<typeof CreateMultipartResponseSchema>;

/** The `?key=K` every route of one upload carries: the upload id is bound to it. */
export const MultipartKeyQuerySchema = z.object({ key: ObjectKeySchema });

export const PartNumberSchema = z.coerce.number().int().min(1).max(MAX_MULTIPART_PARTS);

/** PUT …/multipart/:uploadId/parts/:n */
export const UploadPartResponseSchema = z.object({ etag: z.string().min(1) });
export type UploadPartResponse = z.infer<typeof UploadPartResponseSchema>;

export const MultipartPartSchema = z.object({
  n: PartNumberSchema,
  etag: z.string().min(1),
  size: z.number().int().nonnegative(),
});
export type MultipartPart = z.infer<typeof MultipartPartSchema>;

/** GET …/multipart/:uploadId/parts */
export const ListPartsResponseSchema = z.object({ parts: z.array(MultipartPartSchema) });
export type ListPartsResponse = z.infer<typeof ListPartsResponseSchema>;

/** POST …/multipart/:uploadId/complete (answers the object's details). */
export const CompleteMultipartBodySchema = z.object({
  parts: z
    .array(z.object({ n: PartNumberSchema, etag: z.string().min(1) }))
    .min(1)
    .max(MAX_MULTIPART_PARTS),
});
export type CompleteMultipartBody = z.infer<typeof CompleteMultipartBodySchema>;

/** POST …/multipart/:uploadId/sign (direct transport only). */
export const SignPartsBodySchema = z.object({
  parts: z.array(PartNumberSchema).min(1).max(MAX_MULTIPART_PARTS),
});
export type SignPartsBody = z.infer<typeof SignPartsBodySchema>;
