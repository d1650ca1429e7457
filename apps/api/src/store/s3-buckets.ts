import {
  type BucketLocationConstraint,
  CreateBucketCommand,
  DeleteBucketCommand,
  GetObjectLockConfigurationCommand,
  HeadBucketCommand,
  PutBucketVersioningCommand,
} from '@aws-sdk/client-s3';
import type { CreateBucketBody, CreateBucketResponse, ObjectSummary } from '@stowage/shared';
import type { StoreConfig } from '../config/connection.js';
import { HttpError, notApplied } from '../errors.js';
import type { S3Context } from './s3-context.js';
import { uploadsIfListable } from './s3-uploads.js';
import { allVersions, versioningNow, wasVersioned } from './s3-versions.js';

/** Creating and deleting buckets (emptying one: s3-empty.ts). */

/** What a bucket's listing comes from (S3Store.listAll: the fast ListObjectsV2 reader). */
export type ListAll = (bucket: string, prefix: string) => AsyncGenerator<ObjectSummary[]>;

/** A delete refused as "not empty" counts what the bucket holds up to this many entries. */
export const HELD_COUNT_CAP = 100_000;

export type CreateBucketOptions = Partial<Omit<CreateBucketBody, 'name'>>;

/**
 * The LocationConstraint to send: the region asked for, except us-east-1 (S3's default,
 * which S3 refuses as a constraint). None asked: on AWS (no endpoint) the connection's region
 * when it is not us-east-1, as AWS requires; other stores get none and use their default.
 */
export function locationConstraint(
  config: Pick<StoreConfig, 'endpoint' | 'region'>,
  region: string | undefined,
): string | undefined {
  const wanted = region ?? (config.endpoint === undefined ? config.region : undefined);
  return wanted && wanted !== 'us-east-1' ? wanted : undefined;
}

async function headBucket(ctx: S3Context, bucket: string): Promise<boolean> {
  try {
    await ctx.send(new HeadBucketCommand({ Bucket: bucket }));
    return true;
  } catch (err) {
    if (err instanceof HttpError && err.statusCode === 404) return false;
    throw err;
  }
}

async function objectLockOn(ctx: S3Context, bucket: string): Promise<boolean> {
  try {
    const out = await ctx.send(new GetObjectLockConfigurationCommand({ Bucket: bucket }));
    return out.ObjectLockConfiguration?.ObjectLockEnabled === 'Enabled';
  } catch (err) {
    if (err instanceof HttpError && err.statusCode < 500 && err.code !== 'StoreRefused') {
      return false;
    }
    throw err;
  }
}

const unsupported = (ctx: S3Context, what: string) =>
  new HttpError(
    'NotSupported',
    `The store at ${ctx.endpointLabel} does not support ${what}, so no bucket was created`,
  );

/**
 * Creates a bucket: a HEAD first (one that exists is 409 BucketExists, as the store's own
 * BucketAlreadyExists / BucketAlreadyOwnedByYou are), CreateBucket (with object lock if asked),
 * versioning turned on if asked, then what the store holds read back. All or nothing: when the
 * store cannot do what was asked (versioning, object lock), the new bucket — empty — is
 * deleted again and the answer says why.
 */
export async function createBucket(
  ctx: S3Context,
  bucket: string,
  options: CreateBucketOptions = {},
): Promise<CreateBucketResponse> {
  if (await headBucket(ctx, bucket)) {
    throw new HttpError('BucketExists', `A bucket named ${bucket} exists already`);
  }
  const location = locationConstraint(ctx.config, options.region);
  await ctx.send(
    new CreateBucketCommand({
      Bucket: bucket,
      CreateBucketConfiguration: location
        ? { LocationConstraint: location as BucketLocationConstraint }
        : undefined,
      ObjectLockEnabledForBucket: options.objectLock === true ? true : undefined,
    }),
  );
  try {
    let putFailure: unknown;
    if (options.versioning === true && options.objectLock !== true) {
      await ctx
        .send(
          new PutBucketVersioningCommand({
            Bucket: bucket,
            VersioningConfiguration: { Status: 'Enabled' },
          }),
        )
        .catch((err: unknown) => (putFailure = err));
    }
    const versioning = await versioningNow(ctx, bucket);
    const wantsVersions = options.versioning === true || options.objectLock === true;
    if (wantsVersions && versioning === 'unsupported') throw unsupported(ctx, 'versioning');
    if (putFailure) throw putFailure;
    const objectLock = options.objectLock === true && (await objectLockOn(ctx, bucket));
    if (options.objectLock === true && !objectLock) throw unsupported(ctx, 'object lock');
    if (wantsVersions && versioning !== 'Enabled') {
      throw notApplied(`The store at ${ctx.endpointLabel} did not turn versioning on`);
    }
    return { name: bucket, versioning, objectLock };
  } catch (err) {
    // The bucket is new and empty: take it back, so a retry starts from nothing.
    await ctx.send(new DeleteBucketCommand({ Bucket: bucket })).catch(() => {});
    throw err;
  }
}

/** What a bucket holds: entries (objects, or versions and delete markers), and uploads. */
export interface HeldCount {
  entries: number;
  /** More entries than counted (the cap was reached). */
  more: boolean;
  versioned: boolean;
  /** Unfinished uploads; null where the store cannot list them. */
  uploads: number | null;
}

export async function countHeld(
  ctx: S3Context,
  listAll: ListAll,
  bucket: string,
  cap = HELD_COUNT_CAP,
): Promise<HeldCount> {
  const versioned = wasVersioned(await versioningNow(ctx, bucket));
  const pages = versioned ? allVersions(ctx, bucket) : listAll(bucket, '');
  let entries = 0;
  let more = false;
  for await (const page of pages) {
    entries += page.length;
    if (entries >= cap) {
      more = true;
      break;
    }
  }
  const uploads = await uploadsIfListable(ctx, bucket);
  return { entries, more, versioned, uploads: uploads && uploads.length };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "3 objects", "12 versions and delete markers", "more than 100,000 objects". */
export function heldMessage(bucket: string, held: HeldCount): string {
  const what = held.versioned
    ? held.entries === 1
      ? 'version or delete marker'
      : 'versions and delete markers'
    : held.entries === 1
      ? 'object'
      : 'objects';
  const count = held.more ? `more than ${held.entries.toLocaleString('en')}` : `${held.entries}`;
  const parts = [
    ...(held.entries > 0 ? [`${count} ${what}`] : []),
    ...(held.uploads ? [plural(held.uploads, 'unfinished upload')] : []),
  ];
  return `The bucket ${bucket} still holds ${parts.join(' and ')}: empty it first`;
}

/**
 * Deletes an empty bucket: what it holds is counted first (objects, or on a bucket that is or
 * was versioned its versions and delete markers, and its unfinished uploads), so a bucket
 * that is not empty is refused with the count (409 BucketNotEmpty) and nothing is deleted;
 * the store's own BucketNotEmpty (a race) is the same answer. Read back: the bucket is gone.
 */
export async function deleteBucket(ctx: S3Context, listAll: ListAll, bucket: string) {
  const held = await countHeld(ctx, listAll, bucket);
  if (held.entries > 0 || (held.uploads ?? 0) > 0) {
    throw new HttpError('BucketNotEmpty', heldMessage(bucket, held));
  }
  // NoSuchBucket now: gone since it was counted (a retry after a lost answer): as asked.
  await ctx.send(new DeleteBucketCommand({ Bucket: bucket })).catch((err: unknown) => {
    if (!(err instanceof HttpError && err.code === 'NoSuchBucket')) throw err;
  });
  if (await headBucket(ctx, bucket)) {
    throw notApplied(`The store at ${ctx.endpointLabel} still has the bucket ${bucket}`);
  }
}
