import { z } from 'zod';

/**
 * What a store answered to a harmless probe: `unknown` when the answer could not tell (the
 * store was unreachable, or refused the request itself, e.g. 403 AccessDenied).
 */
export const CapabilitySchema = z.enum(['supported', 'unsupported', 'unknown']);
export type Capability = z.infer<typeof CapabilitySchema>;

/** The bucket's versioning status ('Off': never enabled), or whether the store can tell. */
export const VersioningStatusSchema = z.enum([
  'Enabled',
  'Suspended',
  'Off',
  'unsupported',
  'unknown',
]);
export type VersioningStatus = z.infer<typeof VersioningStatusSchema>;

/** What the store can do in one bucket, probed once and cached by the API. */
export const BucketCapabilitiesSchema = z.object({
  /** Object tags (Get/PutObjectTagging). */
  tagging: CapabilitySchema,
  versioning: VersioningStatusSchema,
  /** AbortMultipartUpload: without it a cancelled upload leaves its parts on the store. */
  abortMultipartUpload: CapabilitySchema,
  /** UploadPartCopy: needed to edit the metadata of objects over 5 GiB. */
  uploadPartCopy: CapabilitySchema,
  presignedUrls: CapabilitySchema,
  /** The bucket settings APIs (GetBucketLifecycleConfiguration, GetBucketCors…): a "none configured" answer means supported. */
  lifecycle: CapabilitySchema,
  cors: CapabilitySchema,
  policy: CapabilitySchema,
  /** Bucket tags (Get/PutBucketTagging); `tagging` is object tags. */
  bucketTagging: CapabilitySchema,
  /** Default encryption (Get/PutBucketEncryption). */
  encryption: CapabilitySchema,
  /** GetObjectLockConfiguration (object lock itself is chosen when a bucket is created). */
  objectLock: CapabilitySchema,
});
export type BucketCapabilities = z.infer<typeof BucketCapabilitiesSchema>;
