import { ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import type { CreateFolderResponse, ObjectDetails } from '@stowage/shared';
import { HttpError, badRequest, notApplied, objectChanged } from '../errors.js';
import { OBJECT_CHANGED } from './s3-errors.js';
import { copyHeaders } from './s3-multipart-copy.js';
import { planMetadataEdit, sameEtag, sameTags, unappliedFields } from './metadata-edit.js';
import type { S3Context } from './s3-context.js';
import { headDetails, readTags, writeTags } from './s3-object-info.js';

/**
 * A new empty folder: a zero-byte object named `prefix` (ends in "/"), as the AWS console
 * makes them, so the folder stays when it is empty. A prefix that already holds anything (its
 * marker, or objects below it) is a folder already: 409, nothing written.
 */
export async function createFolder(
  ctx: S3Context,
  bucket: string,
  prefix: string,
): Promise<CreateFolderResponse> {
  ctx.checkKey(prefix);
  const held = await ctx.send(
    new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, MaxKeys: 1 }),
  );
  if ((held.KeyCount ?? held.Contents?.length ?? 0) > 0) {
    throw new HttpError('DestinationExists', `The folder "${prefix}" exists already`);
  }
  await ctx.send(new PutObjectCommand({ Bucket: bucket, Key: prefix, Body: '' }));
  return { kind: 'folder', prefix };
}

/**
 * Ceph RGW 16 compares a PUT's If-Match with its stored ETag as sent, and stores it without
 * quotes: a quoted one never matches there (412 every time). S3 takes either form.
 */
const bareEtag = (etag: string) => etag.replace(/^W\//, '').replace(/"/g, '');

/**
 * Replaces a text object's bytes, keeping its system headers, user metadata and tags. The
 * caller's ETag must be the one the store holds (else 409, nothing written); the PutObject
 * carries it as If-Match too, for the stores that check it (a change between our HEAD and the
 * PUT then also answers 409 instead of being overwritten). Tags are put back when the store
 * dropped them (a PutObject replaces the tag set), and the result is read back: what the store
 * accepted but did not keep is a 502, never a success.
 */
export async function editText(
  ctx: S3Context,
  bucket: string,
  key: string,
  body: Buffer,
  ifMatch: string,
): Promise<ObjectDetails> {
  ctx.checkKey(key);
  const [current, tags] = await Promise.all([
    headDetails(ctx, bucket, key),
    readTags(ctx, bucket, key, { noneIfUnsupported: true }),
  ]);
  if (!sameEtag(ifMatch, current.etag)) throw objectChanged(OBJECT_CHANGED);
  if (current.contentEncoding !== null && current.contentEncoding !== 'identity') {
    throw badRequest(
      `This object is stored compressed (${current.contentEncoding}): it cannot be edited as text`,
    );
  }
  // Every header kept as it is: the same plan a metadata edit with no change makes.
  const plan = planMetadataEdit(current, { metadata: current.metadata });
  const { Expires, ...headers } = copyHeaders(plan.headers, current.storageClass, plan.metadata);
  await ctx.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: body,
      ContentLength: body.length,
      ...headers,
      ...(Expires ? { Expires } : {}),
      ...(current.etag ? { IfMatch: bareEtag(current.etag) } : {}),
    }),
  );
  const tagsNow = () => readTags(ctx, bucket, key, { noneIfUnsupported: true });
  if (!sameTags(await tagsNow(), tags)) await writeTags(ctx, bucket, key, tags);
  const [after, tagsAfter] = await Promise.all([headDetails(ctx, bucket, key), tagsNow()]);
  const wrong = unappliedFields(plan, after);
  if (after.size !== body.length) wrong.push('content');
  if (!sameTags(tagsAfter, tags)) wrong.push('tags');
  if (wrong.length) {
    throw notApplied(`The store accepted the text but did not keep it (${wrong.join(', ')})`);
  }
  return after;
}
