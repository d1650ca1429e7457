import {
  GetObjectTaggingCommand,
  HeadObjectCommand,
  PutObjectTaggingCommand,
} from '@aws-sdk/client-s3';
import type { ObjectDetails, Tag } from '@stowage/shared';
import { HttpError, notApplied } from '../errors.js';
import { sameTags } from './metadata-edit.js';
import type { S3Context } from './s3-context.js';

const iso = (d: Date | undefined) => (d ? d.toISOString() : null);

/** An object's system headers and user metadata: one HeadObject. */
export async function headDetails(
  ctx: S3Context,
  bucket: string,
  key: string,
  versionId?: string,
): Promise<ObjectDetails> {
  const head = await ctx.send(
    new HeadObjectCommand({ Bucket: bucket, Key: key, VersionId: versionId }),
  );
  return {
    key,
    size: head.ContentLength ?? 0,
    etag: head.ETag ?? null,
    lastModified: iso(head.LastModified),
    contentType: head.ContentType ?? null,
    cacheControl: head.CacheControl ?? null,
    contentDisposition: head.ContentDisposition ?? null,
    contentEncoding: head.ContentEncoding ?? null,
    contentLanguage: head.ContentLanguage ?? null,
    expires: head.ExpiresString ?? head.Expires?.toUTCString() ?? null,
    // S3 omits the header for STANDARD objects.
    storageClass: head.StorageClass ?? 'STANDARD',
    versionId: head.VersionId ?? null,
    metadata: head.Metadata ?? {},
  };
}

/** `noneIfUnsupported`: a store without tagging has no tags, so the details still load. */
export async function readTags(
  ctx: S3Context,
  bucket: string,
  key: string,
  {
    noneIfUnsupported = false,
    versionId,
  }: { noneIfUnsupported?: boolean; versionId?: string | undefined } = {},
): Promise<Tag[]> {
  try {
    const out = await ctx.send(
      new GetObjectTaggingCommand({ Bucket: bucket, Key: key, VersionId: versionId }),
    );
    return (out.TagSet ?? []).map((t) => ({ key: t.Key ?? '', value: t.Value ?? '' }));
  } catch (err) {
    if (noneIfUnsupported && err instanceof HttpError && err.code === 'NotSupported') return [];
    throw err;
  }
}

/** PutObjectTagging even to clear: s3rver has no DeleteObjectTagging (501). */
export async function writeTags(
  ctx: S3Context,
  bucket: string,
  key: string,
  tags: Tag[],
  versionId?: string,
): Promise<void> {
  const TagSet = tags.map((t) => ({ Key: t.key, Value: t.value }));
  await ctx.send(
    new PutObjectTaggingCommand({
      Bucket: bucket,
      Key: key,
      VersionId: versionId,
      Tagging: { TagSet },
    }),
  );
}

/**
 * Replaces the tag set (the object is not rewritten), then reads it back: a set the store
 * accepted but did not apply is a 502, never a success. Answers the tags read back.
 */
export async function putTags(
  ctx: S3Context,
  bucket: string,
  key: string,
  tags: Tag[],
  versionId?: string,
): Promise<Tag[]> {
  await writeTags(ctx, bucket, key, tags, versionId);
  const stored = await readTags(ctx, bucket, key, { versionId });
  if (!sameTags(stored, tags)) {
    throw notApplied('The store accepted the change but did not apply it (tags)');
  }
  return stored;
}
