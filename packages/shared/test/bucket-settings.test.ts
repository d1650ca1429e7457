import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  BucketTagsDocumentSchema,
  CorsDocumentSchema,
  EncryptionDocumentSchema,
  LifecycleDocumentSchema,
  ObjectLockDocumentSchema,
  PolicyDocumentSchema,
  VersioningDocumentSchema,
} from '../src/bucket-settings.js';
import {
  denyUnencryptedUploadsPolicy,
  isPublicPolicy,
  publicReadPolicy,
} from '../src/bucket-policy-presets.js';

/** The first issue's path and message, as the API's 400 names them. */
const refusal = (schema: z.ZodType, doc: unknown) => {
  const r = schema.safeParse(doc);
  if (r.success) return 'accepted';
  const issue = r.error.issues[0]!;
  return `${issue.path.join('.')}: ${issue.message}`;
};

describe('documents from the AWS documentation pass as they are', () => {
  it.each<[string, z.ZodType, unknown]>([
    ['versioning', VersioningDocumentSchema, { Status: 'Enabled' }],
    ['tags', BucketTagsDocumentSchema, { TagSet: [{ Key: 'Project', Value: 'Project One' }] }],
    [
      'lifecycle (put-bucket-lifecycle-configuration example)',
      LifecycleDocumentSchema,
      {
        Rules: [
          {
            ID: 'Move rotated logs to Glacier',
            Filter: { Prefix: 'rotated/' },
            Status: 'Enabled',
            Transitions: [{ Date: '2015-11-10T00:00:00.000Z', StorageClass: 'GLACIER' }],
          },
          {
            Status: 'Enabled',
            Filter: { Prefix: '' },
            NoncurrentVersionTransitions: [{ NoncurrentDays: 2, StorageClass: 'GLACIER' }],
            ID: 'Move old versions to Glacier',
          },
          {
            ID: 'abort',
            Status: 'Enabled',
            Filter: {},
            AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
          },
          {
            ID: 'tagged',
            Status: 'Enabled',
            Filter: { And: { Prefix: 'a/', Tags: [{ Key: 'k', Value: 'v' }] } },
            NoncurrentVersionExpiration: { NoncurrentDays: 30, NewerNoncurrentVersions: 2 },
          },
          { ID: 'legacy', Status: 'Disabled', Prefix: 'old/', Expiration: { Days: 365 } },
        ],
      },
    ],
    [
      'CORS (put-bucket-cors example)',
      CorsDocumentSchema,
      {
        CORSRules: [
          {
            AllowedOrigins: ['http://www.example.com'],
            AllowedHeaders: ['*'],
            AllowedMethods: ['PUT', 'POST', 'DELETE'],
            MaxAgeSeconds: 3000,
            ExposeHeaders: ['x-amz-server-side-encryption'],
          },
          { AllowedOrigins: ['*'], AllowedHeaders: ['Authorization'], AllowedMethods: ['GET'] },
        ],
      },
    ],
    [
      'policy (a cross-account grant)',
      PolicyDocumentSchema,
      {
        Version: '2012-10-17',
        Id: 'ExamplePolicy',
        Statement: [
          {
            Sid: 'AllowList',
            Effect: 'Allow',
            Principal: { AWS: ['arn:aws:iam::111122223333:root'] },
            Action: ['s3:ListBucket', 's3:GetObject'],
            Resource: ['arn:aws:s3:::amzn-s3-demo-bucket', 'arn:aws:s3:::amzn-s3-demo-bucket/*'],
            Condition: { IpAddress: { 'aws:SourceIp': '192.0.2.0/24' } },
          },
        ],
      },
    ],
    [
      'encryption (SSE-KMS)',
      EncryptionDocumentSchema,
      {
        Rules: [
          {
            ApplyServerSideEncryptionByDefault: {
              SSEAlgorithm: 'aws:kms',
              KMSMasterKeyID: 'arn:aws:kms:us-east-1:111122223333:key/abcd',
            },
            BucketKeyEnabled: true,
          },
        ],
      },
    ],
    [
      'object lock',
      ObjectLockDocumentSchema,
      { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 1 } } },
    ],
  ])('%s', (_label, schema, doc) => {
    expect(refusal(schema, doc)).toBe('accepted');
  });
});

describe('a refused document names the field', () => {
  const rule = { ID: 'r', Status: 'Enabled', Expiration: { Days: 1 } };
  it.each<[string, z.ZodType, unknown, string]>([
    [
      'versioning: a bad status',
      VersioningDocumentSchema,
      { Status: 'On' },
      'Status: Status is Enabled or Suspended',
    ],
    [
      'tags: a duplicate key',
      BucketTagsDocumentSchema,
      {
        TagSet: [
          { Key: 'a', Value: '1' },
          { Key: 'a', Value: '2' },
        ],
      },
      'TagSet.1.Key: Tag key "a" is used twice',
    ],
    [
      'lifecycle: no rule',
      LifecycleDocumentSchema,
      { Rules: [] },
      'Rules: A lifecycle configuration has at least one rule (DELETE removes it)',
    ],
    [
      'lifecycle: 0 days',
      LifecycleDocumentSchema,
      { Rules: [{ ...rule, Expiration: { Days: 0 } }] },
      'Rules.0.Expiration.Days: Expiration.Days is at least 1 day',
    ],
    [
      'lifecycle: a rule without an action',
      LifecycleDocumentSchema,
      { Rules: [{ ID: 'r', Status: 'Enabled', Filter: {} }] },
      'Rules.0: A rule needs at least one action (an expiration, a transition or an abort)',
    ],
    [
      'lifecycle: a duplicate ID',
      LifecycleDocumentSchema,
      { Rules: [rule, rule] },
      'Rules.1.ID: Rule ID "r" is used twice',
    ],
    [
      'lifecycle: Filter and Prefix',
      LifecycleDocumentSchema,
      { Rules: [{ ...rule, Prefix: 'a/', Filter: { Prefix: 'b/' } }] },
      'Rules.0: A rule has Filter or Prefix, not both',
    ],
    [
      'lifecycle: a transition with Days and Date',
      LifecycleDocumentSchema,
      {
        Rules: [
          {
            ...rule,
            Transitions: [{ Days: 1, Date: '2027-01-01T00:00:00Z', StorageClass: 'GLACIER' }],
          },
        ],
      },
      'Rules.0.Transitions.0: A transition has either Days or Date',
    ],
    [
      'CORS: a method S3 does not know',
      CorsDocumentSchema,
      { CORSRules: [{ AllowedOrigins: ['*'], AllowedMethods: ['PATCH'] }] },
      'CORSRules.0.AllowedMethods.0: A method is one of GET, PUT, POST, DELETE, HEAD',
    ],
    [
      'CORS: no origin',
      CorsDocumentSchema,
      { CORSRules: [{ AllowedOrigins: [], AllowedMethods: ['GET'] }] },
      'CORSRules.0.AllowedOrigins: A CORS rule allows at least one origin',
    ],
    [
      'policy: a bad Effect',
      PolicyDocumentSchema,
      {
        ...publicReadPolicy('b'),
        Statement: [{ ...publicReadPolicy('b').Statement[0], Effect: 'Permit' }],
      },
      'Statement.0.Effect: Effect is Allow or Deny',
    ],
    [
      'policy: no Version',
      PolicyDocumentSchema,
      { Statement: publicReadPolicy('b').Statement },
      'Version: Version is "2012-10-17"',
    ],
    [
      'policy: a statement without Resource',
      PolicyDocumentSchema,
      {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject' }],
      },
      'Statement.0: A statement has Resource or NotResource (one of them)',
    ],
    [
      'encryption: a KMS key with AES256',
      EncryptionDocumentSchema,
      {
        Rules: [
          { ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256', KMSMasterKeyID: 'k' } },
        ],
      },
      'Rules.0.ApplyServerSideEncryptionByDefault: A KMS key id goes with aws:kms only',
    ],
    [
      'encryption: an unknown algorithm',
      EncryptionDocumentSchema,
      { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'DES' } }] },
      'Rules.0.ApplyServerSideEncryptionByDefault.SSEAlgorithm: SSEAlgorithm is AES256 (SSE-S3), aws:kms or aws:kms:dsse',
    ],
  ])('%s', (_label, schema, doc, message) => {
    expect(refusal(schema, doc)).toBe(message);
  });
});

describe('policy presets', () => {
  it('public read of a prefix is a valid policy, and public', () => {
    const doc = publicReadPolicy('photos', 'public/');
    expect(PolicyDocumentSchema.parse(doc)).toEqual(doc);
    expect(doc.Statement[0]!.Resource).toBe('arn:aws:s3:::photos/public/*');
    expect(publicReadPolicy('photos').Statement[0]!.Resource).toBe('arn:aws:s3:::photos/*');
    expect(isPublicPolicy(doc)).toBe(true);
  });

  it('deny unencrypted uploads is a valid policy, and not public (a Deny)', () => {
    const doc = denyUnencryptedUploadsPolicy('photos');
    expect(PolicyDocumentSchema.parse(doc)).toEqual(doc);
    expect(doc.Statement[0]).toMatchObject({ Effect: 'Deny', Resource: 'arn:aws:s3:::photos/*' });
    expect(isPublicPolicy(doc)).toBe(false);
  });

  it.each<[string, unknown, boolean]>([
    ['"*"', '*', true],
    ['{ AWS: "*" }', { AWS: '*' }, true],
    ['{ AWS: ["arn", "*"] }', { AWS: ['arn:aws:iam::1:root', '*'] }, true],
    ['one account', { AWS: 'arn:aws:iam::111122223333:root' }, false],
    ['a service', { Service: 'logging.s3.amazonaws.com' }, false],
  ])('an Allow to %s is public: %s', (_label, principal, pub) => {
    const doc = PolicyDocumentSchema.parse({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: principal, Action: 's3:*', Resource: '*' }],
    });
    expect(isPublicPolicy(doc)).toBe(pub);
    expect(
      isPublicPolicy({ Statement: doc.Statement.map((s) => ({ ...s, Effect: 'Deny' })) }),
    ).toBe(false);
  });

  it('an Allow to everyone but some (NotPrincipal) is public', () => {
    const doc = PolicyDocumentSchema.parse({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' },
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::photos/*',
        },
      ],
    });
    expect(isPublicPolicy(doc)).toBe(true);
  });
});
