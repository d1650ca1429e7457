import { CopyObjectCommand } from '@aws-sdk/client-s3';
import type { ObjectDetails, UpdateMetadataBody } from '@stowage/shared';
import { notApplied, objectChanged } from '../errors.js';
import { OBJECT_CHANGED } from './s3-errors.js';
import { copyHeaders, copyPartBytes, multipartCopy } from './s3-multipart-copy.js';
import { planMetadataEdit, sameEtag, sameTags, unappliedFields } from './metadata-edit.js';
import type { S3Context } from './s3-context.js';
import { headDetails, readTags, writeTags } from './s3-object-info.js';

/**
 * `bucket/key` as CopySource wants it: URL-encoded, the key's slashes kept. s3rver reads it
 * with decodeURI, which leaves `%23 %3F %26 %2B`... encoded (then 404): it gets encodeURI
 * (the `copySourceEscaping` quirk).
 */
export const copySource = (bucket: string, key: string, escaping: 'component' | 'uri') =>
  `${bucket}/${escaping === 'uri' ? encodeURI(key) : key.split('/').map(encodeURIComponent).join('/')}`;

/**
 * A metadata edit rewrites the object onto itself (S3 has no other way): CopyObject with
 * MetadataDirective REPLACE, conditional on the ETag just read, re-sending every system
 * header the edit keeps — a REPLACE copy drops what is not sent (s3rver even resets
 * Content-Type). Then the tags come back if the store dropped them (Ceph 16 drops them
 * despite TaggingDirective COPY), and the result is read back: an edit the store accepted
 * but did not apply is a 502, never a success.
 */
export async function editMetadata(
  ctx: S3Context,
  bucket: string,
  key: string,
  body: UpdateMetadataBody,
): Promise<ObjectDetails> {
  const [current, tags] = await Promise.all([
    headDetails(ctx, bucket, key),
    // A store without tagging has none to keep.
    readTags(ctx, bucket, key, { noneIfUnsupported: true }),
  ]);
  if (body.ifMatch !== undefined && !sameEtag(body.ifMatch, current.etag)) {
    throw objectChanged(OBJECT_CHANGED);
  }
  const plan = planMetadataEdit(current, body);
  const headers = copyHeaders(plan.headers, current.storageClass, plan.metadata);
  const ifMatch = current.etag ?? undefined;
  const source = copySource(bucket, key, ctx.config.quirks.copySourceEscaping);
  const threshold = ctx.config.multipartCopyThresholdBytes;
  // Without UploadPartCopy (s3rver: 501) CopyObject copies any size the store takes.
  if (current.size > threshold && ctx.config.quirks.partCopy) {
    const partBytes = copyPartBytes(threshold);
    await multipartCopy(ctx, {
      bucket,
      key,
      copySource: source,
      size: current.size,
      ifMatch,
      headers,
      partBytes,
    });
  } else {
    await ctx.send(
      new CopyObjectCommand({
        Bucket: bucket,
        Key: key,
        CopySource: source,
        CopySourceIfMatch: ifMatch,
        MetadataDirective: 'REPLACE',
        TaggingDirective: 'COPY',
        ...headers,
      }),
    );
  }

  const tagsAfterCopy = () => readTags(ctx, bucket, key, { noneIfUnsupported: true });
  if (!sameTags(await tagsAfterCopy(), tags)) await writeTags(ctx, bucket, key, tags);
  const [after, tagsAfter] = await Promise.all([headDetails(ctx, bucket, key), tagsAfterCopy()]);
  const wrong = unappliedFields(plan, after);
  if (!sameTags(tagsAfter, tags)) wrong.push('tags');
  if (wrong.length) {
    throw notApplied(`The store accepted the change but did not apply it (${wrong.join(', ')})`);
  }
  return after;
}
