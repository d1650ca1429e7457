import { z } from 'zod';
import { BucketNameSchema, ObjectKeySchema } from './common.js';
import { MetadataSchema, UploadFieldsSchema } from './metadata.js';
import { ObjectDetailsSchema } from './object.js';
import { bucketPath } from './api-paths.js';

/**
 * Big uploads (issue 22): an S3 multipart upload driven by the client, part by part, through
 * the API (relay: each part a PUT the API streams to UploadPart) or straight to the store
 * (direct: presigned UploadPart URLs). The upload id the API hands out is sealed to the bucket,
 * key and size it was created for; every later call names the key again and must match.
 */

export const MIB = 1024 * 1024;
/** The smallest part this API plans (S3's own minimum is 5 MiB, except the last part). */
export const MIN_PART_BYTES = 8 * MIB;
/** S3's limits: parts per upload, bytes per part, bytes per object. */
export const MAX_PARTS = 10_000;
export const MAX_PART_BYTES = 5 * 1024 * MIB;
export const MAX_MULTIPART_BYTES = 5 * 1024 * 1024 * MIB;

/**
 * The part size of an upload of `size` bytes: 8 MiB, or the next whole MiB that keeps the
 * upload within 10,000 parts (5 TiB: 525 MiB parts, under S3's 5 GiB a part).
 */
export function multipartPartSize(size: number): number {
  return Math.max(MIN_PART_BYTES, Math.ceil(size / MAX_PARTS / MIB) * MIB);
}

/** How many parts an upload of `size` bytes has with that part size (at least one). */
export const multipartPartCount = (size: number, partSize = multipartPartSize(size)) =>
  Math.max(1, Math.ceil(size / partSize));

/** The bytes part `n` (1-based) holds: every part is `partSize` but the last, the rest. */
export function multipartPartLength(size: number, partSize: number, n: number): number {
  const parts = multipartPartCount(size, partSize);
  return n < parts ? partSize : size - partSize * (parts - 1);
}

export const PartNumberSchema = z.coerce
  .number({ message: 'The part number is a whole number from 1 to 10000' })
  .int('The part number is a whole number from 1 to 10000')
  .min(1, 'The part number is at least 1')
  .max(MAX_PARTS, `The part number is at most ${MAX_PARTS}`);

/** `POST /api/buckets/:bucket/multipart`: the key, metadata and content type as an upload's. */
export const CreateMultipartBodySchema = z.strictObject({
  key: ObjectKeySchema,
  contentType: UploadFieldsSchema.shape.contentType,
  metadata: MetadataSchema.optional(),
  size: z
    .number({ message: "size is the file's size in bytes" })
    .int("size is the file's size in whole bytes")
    .min(1, 'An empty file is one request: use the upload route')
    .max(
      MAX_MULTIPART_BYTES,
      `size is at most ${MAX_MULTIPART_BYTES} bytes (5 TiB, S3's object limit)`,
    ),
});
export type CreateMultipartBody = z.infer<typeof CreateMultipartBodySchema>;

/** Why the parts of an upload go through Stowage (relay) rather than straight to the store. */
export const RELAY_REASONS = ['profile', 'sigv2', 'cors', 'cors-unreadable'] as const;
export type RelayReason = (typeof RELAY_REASONS)[number];

/**
 * How the browser sends the parts: `direct` (presigned UploadPart URLs, `…/sign`) only where the
 * profile says `uploadTransport: "direct"`, the connection signs with SigV4 and the bucket's CORS
 * lets the page's origin PUT with Content-MD5 and read ETag; else `relay`, with the reason.
 */
export const UploadTransportSchema = z.object({
  mode: z.enum(['direct', 'relay']),
  /** Set when mode is relay. */
  reason: z.enum(RELAY_REASONS).optional(),
  /** One sentence for the transfer panel: why this transport. */
  message: z.string(),
});
export type UploadTransport = z.infer<typeof UploadTransportSchema>;

export const CreateMultipartResponseSchema = z.object({
  /** Opaque: sealed to the bucket, key and size; send it back as is. */
  uploadId: z.string(),
  partSize: z.number().int().positive(),
  parts: z.number().int().positive(),
  transport: UploadTransportSchema,
});
export type CreateMultipartResponse = z.infer<typeof CreateMultipartResponseSchema>;

export const MultipartParamsSchema = z.object({
  bucket: BucketNameSchema,
  uploadId: z.string().min(1, 'An upload id is needed').max(1024, 'The upload id is too long'),
});
export const MultipartPartParamsSchema = MultipartParamsSchema.extend({ n: PartNumberSchema });
/** Every call after create names the key again: it must be the one the upload was made for. */
export const MultipartQuerySchema = z.object({ key: ObjectKeySchema });

export const UploadPartResponseSchema = z.object({ etag: z.string() });
export type UploadPartResponse = z.infer<typeof UploadPartResponseSchema>;

export const UploadedPartSchema = z.object({
  n: z.number().int().positive(),
  etag: z.string(),
  size: z.number().int().nonnegative(),
});
export type UploadedPart = z.infer<typeof UploadedPartSchema>;
export const ListPartsResponseSchema = z.object({ parts: z.array(UploadedPartSchema) });
export type ListPartsResponse = z.infer<typeof ListPartsResponseSchema>;

export const CompleteMultipartBodySchema = z.strictObject({
  parts: z
    .array(
      z.strictObject({ n: PartNumberSchema, etag: z.string().min(1, 'A part needs its ETag') }),
    )
    .min(1, 'At least one part')
    .max(MAX_PARTS)
    .refine((ps) => ps.every((p, i) => i === 0 || p.n > ps[i - 1]!.n), {
      message: 'Parts are listed in ascending order of n, each once',
    }),
});
export type CompleteMultipartBody = z.infer<typeof CompleteMultipartBodySchema>;
/** The object as it now is: the object details route's answer. */
export const CompleteMultipartResponseSchema = ObjectDetailsSchema;

/** Presigned UploadPart URLs asked for at once, at most. */
export const MAX_SIGN_PARTS = 100;
export const SignPartsBodySchema = z.strictObject({
  parts: z
    .array(PartNumberSchema)
    .min(1, 'At least one part number')
    .max(MAX_SIGN_PARTS, `At most ${MAX_SIGN_PARTS} parts at a time`),
});
export type SignPartsBody = z.infer<typeof SignPartsBodySchema>;
export const SignPartsResponseSchema = z.object({
  urls: z.array(z.object({ n: z.number().int().positive(), url: z.string() })),
  expiresAt: z.string(),
});
export type SignPartsResponse = z.infer<typeof SignPartsResponseSchema>;

/** `/api/buckets/:bucket/multipart`, and `/…/:uploadId` with the id as one encoded segment. */
export function multipartPath(bucket: string, uploadId?: string): string {
  const base = `${bucketPath(bucket)}/multipart`;
  return uploadId === undefined ? base : `${base}/${encodeURIComponent(uploadId)}`;
}

const keyQuery = (key: string) => `key=${encodeURIComponent(key)}`;

/** The part PUT; without `n`, the parts list (GET). */
export function multipartPartsPath(bucket: string, uploadId: string, key: string, n?: number) {
  return `${multipartPath(bucket, uploadId)}/parts${n === undefined ? '' : `/${n}`}?${keyQuery(key)}`;
}

export const multipartCompletePath = (bucket: string, uploadId: string, key: string) =>
  `${multipartPath(bucket, uploadId)}/complete?${keyQuery(key)}`;
export const multipartSignPath = (bucket: string, uploadId: string, key: string) =>
  `${multipartPath(bucket, uploadId)}/sign?${keyQuery(key)}`;
/** DELETE: aborts the upload. */
export const multipartAbortPath = (bucket: string, uploadId: string, key: string) =>
  `${multipartPath(bucket, uploadId)}?${keyQuery(key)}`;
