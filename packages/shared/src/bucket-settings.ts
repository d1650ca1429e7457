import { z } from 'zod';

/**
 * A bucket's settings, as the S3 documents themselves in the AWS SDK's shapes (PascalCase, as
 * `aws s3api get-bucket-lifecycle-configuration` prints them), so a document copied from the
 * CLI or the SDK is accepted as is. `GET|PUT|DELETE /api/buckets/:bucket/settings/<name>`;
 * a setting never configured answers 404 `NotConfigured` (tags: an empty TagSet). Each schema
 * checks what S3 itself checks before the store is asked, so a bad document is a 400 that names
 * the field and the store's current setting is left as it was.
 */

export const SETTING_NAMES = [
  'versioning',
  'lifecycle',
  'cors',
  'policy',
  'tags',
  'encryption',
  'object-lock',
] as const;
export const SettingNameSchema = z.enum(SETTING_NAMES);
export type SettingName = z.infer<typeof SettingNameSchema>;

const days = (what: string) =>
  z.number().int(`${what} is a whole number of days`).min(1, `${what} is at least 1 day`);
const isoDate = z.iso.datetime({
  offset: true,
  message: 'A date as ISO 8601, e.g. 2027-01-01T00:00:00Z',
});

// ── Versioning ─────────────────────────────────────────────────────────────────────────────
export const VersioningDocumentSchema = z.strictObject({
  /** Absent in a GET: never enabled. A PUT can only enable or suspend. */
  Status: z
    .enum(['Enabled', 'Suspended'], { message: 'Status is Enabled or Suspended' })
    .optional(),
  MFADelete: z.enum(['Enabled', 'Disabled']).optional(),
});
export type VersioningDocument = z.infer<typeof VersioningDocumentSchema>;

// ── Tags ───────────────────────────────────────────────────────────────────────────────────
export const MAX_BUCKET_TAGS = 50;
const S3TagSchema = z.strictObject({
  Key: z.string().min(1, 'A tag key is needed').max(128, 'Tag keys are at most 128 characters'),
  Value: z.string().max(256, 'Tag values are at most 256 characters'),
});
export const BucketTagsDocumentSchema = z.strictObject({
  TagSet: z
    .array(S3TagSchema)
    .max(MAX_BUCKET_TAGS, `A bucket has at most ${MAX_BUCKET_TAGS} tags`)
    .superRefine((tags, ctx) => {
      const seen = new Set<string>();
      tags.forEach((t, i) => {
        if (seen.has(t.Key)) {
          ctx.addIssue({
            code: 'custom',
            message: `Tag key "${t.Key}" is used twice`,
            path: [i, 'Key'],
          });
        }
        seen.add(t.Key);
      });
    }),
});
export type BucketTagsDocument = z.infer<typeof BucketTagsDocumentSchema>;

// ── Lifecycle ──────────────────────────────────────────────────────────────────────────────
const LifecycleFilterSchema = z.union([
  z.strictObject({ Prefix: z.string() }),
  z.strictObject({ Tag: S3TagSchema }),
  z.strictObject({ ObjectSizeGreaterThan: z.number().int().nonnegative() }),
  z.strictObject({ ObjectSizeLessThan: z.number().int().positive() }),
  z.strictObject({
    And: z.strictObject({
      Prefix: z.string().optional(),
      Tags: z.array(S3TagSchema).optional(),
      ObjectSizeGreaterThan: z.number().int().nonnegative().optional(),
      ObjectSizeLessThan: z.number().int().positive().optional(),
    }),
  }),
  z.strictObject({}),
]);
const TransitionSchema = z
  .strictObject({
    Days: z.number().int().nonnegative().optional(),
    Date: isoDate.optional(),
    StorageClass: z.string().min(1, 'A transition names its storage class'),
  })
  .refine((t) => (t.Days === undefined) !== (t.Date === undefined), {
    message: 'A transition has either Days or Date',
  });
export const LifecycleRuleSchema = z
  .strictObject({
    ID: z.string().max(255, 'A rule ID is at most 255 characters').optional(),
    Status: z.enum(['Enabled', 'Disabled']),
    Filter: LifecycleFilterSchema.optional(),
    /** The older form of Filter.Prefix, still accepted by S3. */
    Prefix: z.string().optional(),
    Expiration: z
      .strictObject({
        Days: days('Expiration.Days').optional(),
        Date: isoDate.optional(),
        ExpiredObjectDeleteMarker: z.boolean().optional(),
      })
      .refine(
        (e) =>
          [e.Days, e.Date, e.ExpiredObjectDeleteMarker].filter((x) => x !== undefined).length === 1,
        { message: 'An expiration has exactly one of Days, Date or ExpiredObjectDeleteMarker' },
      )
      .optional(),
    NoncurrentVersionExpiration: z
      .strictObject({
        NoncurrentDays: days('NoncurrentDays'),
        NewerNoncurrentVersions: z.number().int().positive().optional(),
      })
      .optional(),
    AbortIncompleteMultipartUpload: z
      .strictObject({ DaysAfterInitiation: days('DaysAfterInitiation') })
      .optional(),
    Transitions: z.array(TransitionSchema).optional(),
    NoncurrentVersionTransitions: z
      .array(
        z.strictObject({
          NoncurrentDays: z.number().int().nonnegative(),
          StorageClass: z.string().min(1),
          NewerNoncurrentVersions: z.number().int().positive().optional(),
        }),
      )
      .optional(),
  })
  .refine(
    (r) =>
      r.Expiration ??
      r.NoncurrentVersionExpiration ??
      r.AbortIncompleteMultipartUpload ??
      (r.Transitions?.length || r.NoncurrentVersionTransitions?.length ? true : undefined),
    { message: 'A rule needs at least one action (an expiration, a transition or an abort)' },
  )
  .refine((r) => !(r.Filter && r.Prefix !== undefined), {
    message: 'A rule has Filter or Prefix, not both',
  });
export type LifecycleRule = z.infer<typeof LifecycleRuleSchema>;
export const LifecycleDocumentSchema = z.strictObject({
  Rules: z
    .array(LifecycleRuleSchema)
    .min(1, 'A lifecycle configuration has at least one rule (DELETE removes it)')
    .max(1000, 'At most 1,000 rules')
    .superRefine((rules, ctx) => {
      const ids = new Set<string>();
      rules.forEach((r, i) => {
        if (r.ID !== undefined && ids.has(r.ID)) {
          ctx.addIssue({
            code: 'custom',
            message: `Rule ID "${r.ID}" is used twice`,
            path: [i, 'ID'],
          });
        }
        if (r.ID !== undefined) ids.add(r.ID);
      });
    }),
});
export type LifecycleDocument = z.infer<typeof LifecycleDocumentSchema>;

// ── CORS ───────────────────────────────────────────────────────────────────────────────────
export const CORS_METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'] as const;
export const CorsRuleSchema = z.strictObject({
  ID: z.string().max(255).optional(),
  AllowedOrigins: z.array(z.string().min(1)).min(1, 'A CORS rule allows at least one origin'),
  AllowedMethods: z
    .array(z.enum(CORS_METHODS, { message: `A method is one of ${CORS_METHODS.join(', ')}` }))
    .min(1, 'A CORS rule allows at least one method'),
  AllowedHeaders: z.array(z.string().min(1)).optional(),
  ExposeHeaders: z.array(z.string().min(1)).optional(),
  MaxAgeSeconds: z.number().int().nonnegative().optional(),
});
export type CorsRule = z.infer<typeof CorsRuleSchema>;
export const CorsDocumentSchema = z.strictObject({
  CORSRules: z
    .array(CorsRuleSchema)
    .min(1, 'A CORS configuration has at least one rule (DELETE removes it)')
    .max(100, 'At most 100 CORS rules'),
});
export type CorsDocument = z.infer<typeof CorsDocumentSchema>;

// ── Policy ─────────────────────────────────────────────────────────────────────────────────
const oneOrMany = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
const PrincipalSchema = z.union([
  z.literal('*'),
  z.partialRecord(z.enum(['AWS', 'Service', 'Federated', 'CanonicalUser']), oneOrMany),
]);
export const PolicyStatementSchema = z
  .strictObject({
    Sid: z.string().optional(),
    Effect: z.enum(['Allow', 'Deny'], { message: 'Effect is Allow or Deny' }),
    Principal: PrincipalSchema.optional(),
    NotPrincipal: PrincipalSchema.optional(),
    Action: oneOrMany.optional(),
    NotAction: oneOrMany.optional(),
    Resource: oneOrMany.optional(),
    NotResource: oneOrMany.optional(),
    Condition: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
  })
  .refine((s) => (s.Action === undefined) !== (s.NotAction === undefined), {
    message: 'A statement has Action or NotAction (one of them)',
  })
  .refine((s) => (s.Resource === undefined) !== (s.NotResource === undefined), {
    message: 'A statement has Resource or NotResource (one of them)',
  })
  .refine((s) => (s.Principal === undefined) !== (s.NotPrincipal === undefined), {
    message: 'A bucket policy statement has Principal or NotPrincipal (one of them)',
  });
export type PolicyStatement = z.infer<typeof PolicyStatementSchema>;
export const PolicyDocumentSchema = z.strictObject({
  Version: z.enum(['2012-10-17', '2008-10-17'], { message: 'Version is "2012-10-17"' }),
  Id: z.string().optional(),
  Statement: z.array(PolicyStatementSchema).min(1, 'A policy has at least one statement'),
});
export type PolicyDocument = z.infer<typeof PolicyDocumentSchema>;

// ── Default encryption ─────────────────────────────────────────────────────────────────────
export const EncryptionDocumentSchema = z.strictObject({
  Rules: z
    .array(
      z.strictObject({
        ApplyServerSideEncryptionByDefault: z
          .strictObject({
            SSEAlgorithm: z.enum(['AES256', 'aws:kms', 'aws:kms:dsse'], {
              message: 'SSEAlgorithm is AES256 (SSE-S3), aws:kms or aws:kms:dsse',
            }),
            KMSMasterKeyID: z.string().min(1).optional(),
          })
          .refine((d) => d.SSEAlgorithm !== 'AES256' || d.KMSMasterKeyID === undefined, {
            message: 'A KMS key id goes with aws:kms only',
          })
          .optional(),
        BucketKeyEnabled: z.boolean().optional(),
      }),
    )
    .min(1, 'An encryption configuration has one rule')
    .max(1),
});
export type EncryptionDocument = z.infer<typeof EncryptionDocumentSchema>;

// ── Object lock (read; set at creation) ────────────────────────────────────────────────────
export const ObjectLockDocumentSchema = z.strictObject({
  ObjectLockEnabled: z.literal('Enabled').optional(),
  Rule: z
    .strictObject({
      DefaultRetention: z.strictObject({
        Mode: z.enum(['GOVERNANCE', 'COMPLIANCE']),
        Days: z.number().int().positive().optional(),
        Years: z.number().int().positive().optional(),
      }),
    })
    .optional(),
});
export type ObjectLockDocument = z.infer<typeof ObjectLockDocumentSchema>;

/** Each setting's document schema, for the routes and the JSON editor. */
export const SETTING_SCHEMAS = {
  versioning: VersioningDocumentSchema,
  lifecycle: LifecycleDocumentSchema,
  cors: CorsDocumentSchema,
  policy: PolicyDocumentSchema,
  tags: BucketTagsDocumentSchema,
  encryption: EncryptionDocumentSchema,
  'object-lock': ObjectLockDocumentSchema,
} as const satisfies Record<SettingName, z.ZodType>;

/** Settings a DELETE removes (versioning cannot return to "never enabled"; object lock stays). */
export const DELETABLE_SETTINGS = ['lifecycle', 'cors', 'policy', 'tags', 'encryption'] as const;
/** Settings a PUT changes (object lock is chosen at creation only). */
export const WRITABLE_SETTINGS = [
  'versioning',
  'lifecycle',
  'cors',
  'policy',
  'tags',
  'encryption',
] as const;

/**
 * A setting as the store holds it, in its document's shape (SETTING_SCHEMAS). GET and PUT
 * answer it without checking it again: a document another tool wrote may hold what Stowage's
 * schemas refuse (a policy without Version…), and it is shown as it is, so it can be fixed.
 */
export const StoredSettingSchema = z.record(z.string(), z.unknown());

/** `/api/buckets/:bucket/settings/:name`. */
export const bucketSettingPath = (bucket: string, name: SettingName) =>
  `/api/buckets/${encodeURIComponent(bucket)}/settings/${name}`;
