import { CopyObjectCommand, type StorageClass } from '@aws-sdk/client-s3';
import { sameEtag, sameTags } from './metadata-edit.js';
import { isMultipartEtag, KeyFailure } from './organize-keys.js';
import type { S3Context } from './s3-context.js';
import { copySource } from './s3-metadata-edit.js';
import { copyHeaders, copyPartBytes, multipartCopy } from './s3-multipart-copy.js';
import { headDetails, readTags, writeTags } from './s3-object-info.js';

/** The object to copy, as its listing (or HEAD) showed it when the operation was planned. */
export interface SourceObject {
  key: string;
  size: number;
  etag: string | null;
  storageClass: string | null;
  /**
   * One version of the key as the source (a restore, s3-object-versions.ts); the current one
   * without it. Not named `versionId`: a listing's ObjectSummary (passed here as it is) may
   * carry a delete marker's `versionId` (a `deleted=true` listing), never meant as a source.
   */
  sourceVersionId?: string | undefined;
}

/** A copy is STANDARD unless told otherwise. */
const storageClassOf = (sc: string | null) =>
  sc && sc !== 'STANDARD' ? (sc as StorageClass) : undefined;

/**
 * Copies one object to `toBucket/toKey`, keeping everything: the bytes, Content-Type and
 * every system header, user metadata (MetadataDirective COPY), storage class, and tags
 * (TaggingDirective COPY; read and re-applied where the store does not carry them: the
 * `copyKeepsTags` quirk, and every copy in parts). Conditional on the ETag listed when the
 * operation was planned, so a source changed since is reported, not copied. Objects over the
 * copy threshold are copied in parts (UploadPartCopy), which carries the source's headers and
 * metadata explicitly; a store without UploadPartCopy gets a per-key `PartCopyUnsupported`,
 * nothing sent. With `verify` (a move), the copy is then checked by a HEAD (size, and the
 * ETag unless either side is multipart): only a verified copy answers, so a move deletes
 * nothing that was not copied. A plain copy trusts the store's answer, as every write does:
 * one request per object, as a direct CopyObject. With `source.sourceVersionId` that version is the
 * source (CopySource `…?versionId=`, its tags and headers read of it). Answers the bytes copied.
 */
export async function copyOneObject(
  ctx: S3Context,
  fromBucket: string,
  source: SourceObject,
  to: { bucket: string; key: string; verify: boolean },
): Promise<number> {
  const threshold = ctx.config.multipartCopyThresholdBytes;
  const inParts = source.size > threshold;
  if (inParts && !ctx.config.quirks.partCopy) {
    throw new KeyFailure(
      'PartCopyUnsupported',
      `The object is larger than ${threshold} bytes, which needs a copy in parts ` +
        '(UploadPartCopy), and this store does not support it',
    );
  }
  const carriesTags = !inParts && ctx.config.quirks.copyKeepsTags;
  const tags = carriesTags
    ? undefined
    : await readTags(ctx, fromBucket, source.key, {
        noneIfUnsupported: true,
        versionId: source.sourceVersionId,
      });
  const from =
    copySource(fromBucket, source.key, ctx.config.quirks.copySourceEscaping) +
    (source.sourceVersionId ? `?versionId=${encodeURIComponent(source.sourceVersionId)}` : '');
  const ifMatch = source.etag ?? undefined;
  if (inParts) {
    const details = await headDetails(ctx, fromBucket, source.key, source.sourceVersionId);
    await multipartCopy(ctx, {
      bucket: to.bucket,
      key: to.key,
      copySource: from,
      size: source.size,
      ifMatch,
      headers: copyHeaders(details, details.storageClass, details.metadata),
      partBytes: copyPartBytes(threshold),
    });
  } else {
    await ctx.send(
      new CopyObjectCommand({
        Bucket: to.bucket,
        Key: to.key,
        CopySource: from,
        CopySourceIfMatch: ifMatch,
        MetadataDirective: 'COPY',
        TaggingDirective: 'COPY',
        StorageClass: storageClassOf(source.storageClass),
      }),
    );
  }
  // Where the store does not carry the tags, the copy may also have kept an overwritten
  // object's own (s3rver): the source's set replaces whatever differs.
  if (tags) {
    const copied = await readTags(ctx, to.bucket, to.key, { noneIfUnsupported: true });
    if (!sameTags(copied, tags)) await writeTags(ctx, to.bucket, to.key, tags);
  }
  if (to.verify) await verifyCopy(ctx, source, to.bucket, to.key);
  return source.size;
}

/** The copy's HEAD must show the source's size, and its ETag where both are digests. */
async function verifyCopy(ctx: S3Context, source: SourceObject, toBucket: string, toKey: string) {
  const copy = await headDetails(ctx, toBucket, toKey);
  const digests = !isMultipartEtag(source.etag) && !isMultipartEtag(copy.etag);
  const wrong =
    copy.size !== source.size
      ? `size ${copy.size} instead of ${source.size}`
      : digests && source.etag !== null && !sameEtag(copy.etag, source.etag)
        ? `ETag ${copy.etag ?? 'none'} instead of ${source.etag}`
        : undefined;
  if (wrong) {
    throw new KeyFailure(
      'CopyNotVerified',
      `The store answered the copy, but the copy does not match its source (${wrong}); the source was kept`,
    );
  }
}
