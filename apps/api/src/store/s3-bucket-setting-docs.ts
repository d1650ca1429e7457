import {
  DeleteBucketCorsCommand,
  DeleteBucketEncryptionCommand,
  DeleteBucketLifecycleCommand,
  DeleteBucketPolicyCommand,
  DeleteBucketTaggingCommand,
  GetBucketCorsCommand,
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketPolicyCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetObjectLockConfigurationCommand,
  PutBucketCorsCommand,
  PutBucketEncryptionCommand,
  PutBucketLifecycleConfigurationCommand,
  PutBucketPolicyCommand,
  PutBucketTaggingCommand,
  PutBucketVersioningCommand,
  type ServerSideEncryptionConfiguration,
} from '@aws-sdk/client-s3';
import type {
  BucketTagsDocument,
  CorsDocument,
  EncryptionDocument,
  LifecycleDocument,
  ObjectLockDocument,
  PolicyDocument,
  SettingName,
  VersioningDocument,
} from '@stowage/shared';
import { HttpError } from '../errors.js';
import { lifecycleRuleDoc, lifecycleRuleSdk } from './s3-lifecycle-doc.js';
import { defined, expectRoot, reading, tag } from './s3-setting-read.js';
import {
  policyKey,
  sameCors,
  sameEncryption,
  sameLifecycle,
  sameTags,
  sameVersioning,
} from './bucket-settings-compare.js';
import type { S3Context } from './s3-context.js';

/**
 * Each bucket setting as its S3 commands: read (the document in the AWS SDK's shape, `null`
 * when never configured), write, remove, and how a read-back is compared with what was sent.
 * Every read also checks the XML root element of the store's answer (`XmlRoot`, from
 * `settingRootReader`): a store that does not know the sub-resource may answer it as another
 * request — Ceph RGW 16 answers `GET ?encryption` with a bucket listing and takes
 * `DELETE ?encryption` for DeleteBucket (measured: an empty bucket is deleted) — so nothing is
 * ever written before a read has shown the store knows the setting.
 */
export type SettingDoc = Record<string, unknown>;

export interface SettingIo {
  /** As messages name it: "lifecycle configuration". */
  readonly what: string;
  read(ctx: S3Context, bucket: string): Promise<SettingDoc | null>;
  write?(ctx: S3Context, bucket: string, doc: object): Promise<void>;
  remove?(ctx: S3Context, bucket: string): Promise<void>;
  same(sent: object, stored: object): boolean;
}

const B = (bucket: string) => ({ Bucket: bucket });

const versioning: SettingIo = {
  what: 'versioning',
  read: (ctx, bucket) =>
    reading(ctx, 'versioning', async () => {
      const out = await ctx.send(new GetBucketVersioningCommand(B(bucket)));
      expectRoot(ctx, 'versioning', out, 'VersioningConfiguration');
      return defined({ Status: out.Status, MFADelete: out.MFADelete }) as VersioningDocument;
    }),
  write: async (ctx, bucket, doc) => {
    await ctx.send(
      new PutBucketVersioningCommand({
        ...B(bucket),
        VersioningConfiguration: doc as VersioningDocument,
      }),
    );
  },
  same: (a, b) => sameVersioning(a as VersioningDocument, b as VersioningDocument),
};

const lifecycle: SettingIo = {
  what: 'lifecycle configuration',
  read: (ctx, bucket) =>
    reading(ctx, 'lifecycle configuration', async () => {
      const out = await ctx.send(new GetBucketLifecycleConfigurationCommand(B(bucket)));
      expectRoot(ctx, 'lifecycle configuration', out, 'LifecycleConfiguration');
      return { Rules: (out.Rules ?? []).map(lifecycleRuleDoc) } satisfies LifecycleDocument;
    }),
  write: async (ctx, bucket, doc) => {
    const rules = (doc as LifecycleDocument).Rules.map(lifecycleRuleSdk);
    await ctx.send(
      new PutBucketLifecycleConfigurationCommand({
        ...B(bucket),
        LifecycleConfiguration: { Rules: rules },
      }),
    );
  },
  remove: async (ctx, bucket) => {
    await ctx.send(new DeleteBucketLifecycleCommand(B(bucket)));
  },
  same: (a, b) => sameLifecycle(a as LifecycleDocument, b as LifecycleDocument),
};

const cors: SettingIo = {
  what: 'CORS configuration',
  read: (ctx, bucket) =>
    reading(ctx, 'CORS configuration', async () => {
      const out = await ctx.send(new GetBucketCorsCommand(B(bucket)));
      expectRoot(ctx, 'CORS configuration', out, 'CORSConfiguration');
      const rules = (out.CORSRules ?? []).map((r) =>
        defined({
          ID: r.ID,
          AllowedOrigins: r.AllowedOrigins ?? [],
          AllowedMethods: (r.AllowedMethods ??
            []) as CorsDocument['CORSRules'][0]['AllowedMethods'],
          AllowedHeaders: r.AllowedHeaders,
          ExposeHeaders: r.ExposeHeaders,
          MaxAgeSeconds: r.MaxAgeSeconds,
        }),
      );
      return { CORSRules: rules } satisfies CorsDocument;
    }),
  write: async (ctx, bucket, doc) => {
    await ctx.send(
      new PutBucketCorsCommand({ ...B(bucket), CORSConfiguration: doc as CorsDocument }),
    );
  },
  remove: async (ctx, bucket) => {
    await ctx.send(new DeleteBucketCorsCommand(B(bucket)));
  },
  same: (a, b) => sameCors(a as CorsDocument, b as CorsDocument),
};

const policy: SettingIo = {
  what: 'policy',
  read: (ctx, bucket) =>
    reading(ctx, 'policy', async () => {
      const out = await ctx.send(new GetBucketPolicyCommand(B(bucket)));
      expectRoot(ctx, 'policy', out, '');
      try {
        return JSON.parse(out.Policy ?? '') as PolicyDocument;
      } catch {
        throw new HttpError(
          'StoreUnavailable',
          `The store at ${ctx.endpointLabel} answered a bucket policy that is not JSON`,
        );
      }
    }),
  write: async (ctx, bucket, doc) => {
    await ctx.send(new PutBucketPolicyCommand({ ...B(bucket), Policy: JSON.stringify(doc) }));
  },
  remove: async (ctx, bucket) => {
    await ctx.send(new DeleteBucketPolicyCommand(B(bucket)));
  },
  same: (a, b) => policyKey(a) === policyKey(b),
};

const tags: SettingIo = {
  what: 'tags',
  // Never configured is an empty tag set, not a 404.
  read: async (ctx, bucket) =>
    (await reading(ctx, 'tags', async () => {
      const out = await ctx.send(new GetBucketTaggingCommand(B(bucket)));
      expectRoot(ctx, 'tags', out, 'Tagging');
      return { TagSet: (out.TagSet ?? []).map(tag) } satisfies BucketTagsDocument;
    })) ?? { TagSet: [] },
  // An empty tag set is a removal (S3 refuses an empty <TagSet>).
  write: async (ctx, bucket, doc) => {
    const { TagSet } = doc as BucketTagsDocument;
    if (TagSet.length) {
      await ctx.send(new PutBucketTaggingCommand({ ...B(bucket), Tagging: { TagSet } }));
    } else {
      await ctx.send(new DeleteBucketTaggingCommand(B(bucket)));
    }
  },
  remove: async (ctx, bucket) => {
    await ctx.send(new DeleteBucketTaggingCommand(B(bucket)));
  },
  same: (a, b) => sameTags(a as BucketTagsDocument, b as BucketTagsDocument),
};

const encryption: SettingIo = {
  what: 'default encryption',
  read: (ctx, bucket) =>
    reading(ctx, 'default encryption', async () => {
      const out = await ctx.send(new GetBucketEncryptionCommand(B(bucket)));
      expectRoot(ctx, 'default encryption', out, 'ServerSideEncryptionConfiguration');
      const rules = (out.ServerSideEncryptionConfiguration?.Rules ?? []).map((r) =>
        defined({
          ApplyServerSideEncryptionByDefault: r.ApplyServerSideEncryptionByDefault
            ? defined({
                SSEAlgorithm: r.ApplyServerSideEncryptionByDefault.SSEAlgorithm as 'AES256',
                KMSMasterKeyID: r.ApplyServerSideEncryptionByDefault.KMSMasterKeyID,
              })
            : undefined,
          BucketKeyEnabled: r.BucketKeyEnabled,
        }),
      );
      return { Rules: rules } as EncryptionDocument;
    }),
  write: async (ctx, bucket, doc) => {
    await ctx.send(
      new PutBucketEncryptionCommand({
        ...B(bucket),
        ServerSideEncryptionConfiguration: doc as ServerSideEncryptionConfiguration,
      }),
    );
  },
  remove: async (ctx, bucket) => {
    await ctx.send(new DeleteBucketEncryptionCommand(B(bucket)));
  },
  same: (a, b) => sameEncryption(a as EncryptionDocument, b as EncryptionDocument),
};

const objectLock: SettingIo = {
  what: 'object lock configuration',
  read: (ctx, bucket) =>
    reading(ctx, 'object lock configuration', async () => {
      const out = await ctx.send(new GetObjectLockConfigurationCommand(B(bucket)));
      expectRoot(ctx, 'object lock configuration', out, 'ObjectLockConfiguration');
      const c = out.ObjectLockConfiguration ?? {};
      const r = c.Rule?.DefaultRetention;
      return defined({
        ObjectLockEnabled: c.ObjectLockEnabled,
        Rule: r
          ? {
              DefaultRetention: defined({
                Mode: r.Mode as 'GOVERNANCE',
                Days: r.Days,
                Years: r.Years,
              }),
            }
          : undefined,
      }) as ObjectLockDocument;
    }),
  same: () => true,
};

export const SETTINGS_IO: Record<SettingName, SettingIo> = {
  versioning,
  lifecycle,
  cors,
  policy,
  tags,
  encryption,
  'object-lock': objectLock,
};
