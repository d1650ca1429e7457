import { CopyObjectCommand, type StorageClass } from '@aws-sdk/client-s3';
import type { ObjectDetails } from '@stowage/shared';
import { sameEtag, sameTags } from './metadata-edit.js';
import { isMultipartEtag, KeyFailure } from './organize-keys.js';
import type { S3Context } from './s3-context.js';
import { copySource } from './s3-metadata-edit.js';
import { multipartCopy, type CopyHeaders } from './s3-multipart-copy.js';
import { headDetails, readTags, writeTags } from './s3-object-info.js';

/** Parts of a multipart copy: big enough to be few, small enough to answer within a timeout. */
const MAX_COPY_PART_BYTES = 512 * 1024 * 1024;

/** The object to copy, as its listing (or HEAD) showed it when the operation was planned. */
export interface SourceObject {
  key: string;
  size: number;
  etag: string | null;
  storageClass: string | null;
}

const toDate = (s: string | null) => {
  const d = s === null ? undefined : new Date(s);
  return d && !Number.isNaN(d.getTime()) ? d : undefined;
};

/** A copy is STANDARD unless told otherwise. */
const storageClassOf = (sc: string | null) =>
  sc && sc !== 'STANDARD' ? (sc as StorageClass) : undefined;

/** What CreateMultipartUpload must be told to make the copy look like its source. */
function headersOf(d: ObjectDetails): CopyHeaders {
  return {
    ContentType: d.contentType ?? undefined,
    CacheControl: d.cacheControl ?? undefined,
    ContentDisposition: d.contentDisposition ?? undefined,
    ContentEncoding: d.contentEncoding ?? undefined,
    ContentLanguage: d.contentLanguage ?? undefined,
    Expires: toDate(d.expires),
    StorageClass: storageClassOf(d.storageClass),
    Metadata: d.metadata,
  };
}

/**
 * Copies one object to `toBucket/toKey`, keeping everything: the bytes, Content-Type and
 * every system header, user metadata (MetadataDirective COPY), storage class, and tags
 * (TaggingDirective COPY, re-applied where the store drops them: Ceph 16 does). Conditional
 * on the ETag listed when the operation was planned, so a source changed since is reported,
 * not copied. Objects over the copy threshold are copied in parts (UploadPartCopy), which
 * carries the source's headers and metadata explicitly; a store without UploadPartCopy gets a
 * per-key `PartCopyUnsupported`, nothing sent. Then the copy is verified by a HEAD (size, and
 * the ETag unless either side is multipart): only a verified copy answers, so a move deletes
 * nothing that was not copied. Answers the bytes copied.
 */
export async function copyOneObject(
  ctx: S3Context,
  fromBucket: string,
  source: SourceObject,
  toBucket: string,
  toKey: string,
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
  const tags = await readTags(ctx, fromBucket, source.key, { noneIfUnsupported: true });
  const from = copySource(fromBucket, source.key, ctx.config.quirks.copySourceEscaping);
  const ifMatch = source.etag ?? undefined;
  if (inParts) {
    const details = await headDetails(ctx, fromBucket, source.key);
    await multipartCopy(ctx, {
      bucket: toBucket,
      key: toKey,
      copySource: from,
      size: source.size,
      ifMatch,
      headers: headersOf(details),
      partBytes: Math.min(Math.max(threshold, 1), MAX_COPY_PART_BYTES),
    });
  } else {
    await ctx.send(
      new CopyObjectCommand({
        Bucket: toBucket,
        Key: toKey,
        CopySource: from,
        CopySourceIfMatch: ifMatch,
        MetadataDirective: 'COPY',
        TaggingDirective: 'COPY',
        StorageClass: storageClassOf(source.storageClass),
      }),
    );
  }
  // A new object has no tags of its own: only a tagged source can have lost some.
  if (tags.length > 0) {
    const copied = await readTags(ctx, toBucket, toKey, { noneIfUnsupported: true });
    if (!sameTags(copied, tags)) await writeTags(ctx, toBucket, toKey, tags);
  }
  await verifyCopy(ctx, source, toBucket, toKey);
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
