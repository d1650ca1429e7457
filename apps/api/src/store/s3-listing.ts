import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import {
  byteOrder,
  inKeyRange,
  type ListObjectsQuery,
  type ListObjectsResponse,
  type VersioningStatus,
} from '@stowage/shared';
import type { S3Context } from './s3-context.js';
import { listWithDeleted, refuseVersionCursor } from './s3-deleted-listing.js';

const iso = (d: Date | undefined) => (d ? d.toISOString() : null);

/**
 * A folder's page (`GET …/objects`): ListObjectsV2, or with `deleted` the listing with deleted
 * keys (s3-deleted-listing.ts), which asks the bucket's `versioning` first.
 */
export function listObjects(
  ctx: S3Context,
  bucket: string,
  q: ListObjectsQuery,
  versioning: (bucket: string) => Promise<VersioningStatus>,
): Promise<ListObjectsResponse> {
  if (!q.deleted) return listPlain(ctx, bucket, q);
  return listWithDeleted(ctx, bucket, q, {
    versioning: () => versioning(bucket),
    plain: () => listPlain(ctx, bucket, { ...q, deleted: false }),
  });
}

/** The plain listing: one ListObjectsV2 page, with `startAfter` answered alike on every store. */
async function listPlain(
  ctx: S3Context,
  bucket: string,
  q: ListObjectsQuery,
): Promise<ListObjectsResponse> {
  refuseVersionCursor(q.cursor);
  const page = await listPage(ctx, bucket, q);
  if (q.startAfter === undefined || q.cursor !== undefined) return page;
  // Entries strictly after startAfter, a folder at its prefix's place: S3 (and s3rver) answer
  // the subfolder that startAfter is in (or is) again, Ceph RGW does not; left out here, so
  // both stores answer alike and a page after a folder row never repeats that folder.
  const prefixes = page.prefixes.filter((p) => byteOrder(p, q.startAfter!) > 0);
  if (prefixes.length === page.prefixes.length) return page;
  const result = { ...page, prefixes };
  if (prefixes.length + page.objects.length > 0 || !page.nextCursor) return result;
  return listPlain(ctx, bucket, { ...q, startAfter: undefined, cursor: page.nextCursor });
}

async function listPage(
  ctx: S3Context,
  bucket: string,
  q: ListObjectsQuery,
): Promise<ListObjectsResponse> {
  const out = await ctx.send(
    new ListObjectsV2Command({
      Bucket: bucket,
      Prefix: q.prefix || undefined,
      Delimiter: q.delimiter || undefined,
      MaxKeys: q.limit,
      ContinuationToken: q.cursor,
      // The schema refuses both: a cursor's page already knows where it starts.
      StartAfter: q.cursor === undefined ? q.startAfter : undefined,
    }),
  );
  return {
    prefixes: (out.CommonPrefixes ?? []).flatMap((p) => (p.Prefix ? [p.Prefix] : [])),
    objects: (out.Contents ?? []).map((o) => ({
      key: o.Key ?? '',
      size: o.Size ?? 0,
      lastModified: iso(o.LastModified),
      etag: o.ETag ?? null,
      storageClass: o.StorageClass ?? null,
    })),
    nextCursor: out.IsTruncated ? (out.NextContinuationToken ?? null) : null,
  };
}

/** Every object under `prefix` (no delimiter), a page of up to 1,000 at a time. */
export async function* listAll(ctx: S3Context, bucket: string, prefix: string) {
  let cursor: string | undefined;
  do {
    const page = await listPlain(ctx, bucket, { prefix, delimiter: '', limit: 1000, cursor });
    yield page.objects;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/**
 * The keys under `prefix` from `from` to `to` (a range delete): listed from just before `from`
 * (StartAfter its key less one character: no key between that and `from` is taken, they are
 * filtered out) up to the first key past `to`, not the whole folder.
 */
export async function* listRange(
  ctx: S3Context,
  bucket: string,
  prefix: string,
  range: { from?: string; to?: string },
) {
  const { from, to } = range;
  const chars = from === undefined ? [] : Array.from(from);
  let startAfter: string | undefined = chars.slice(0, -1).join('') || undefined;
  let cursor: string | undefined;
  do {
    const page = await listPlain(ctx, bucket, {
      prefix,
      delimiter: '',
      limit: 1000,
      cursor,
      startAfter,
    });
    startAfter = undefined;
    yield page.objects.filter((o) => inKeyRange(o.key, from, to));
    const last = page.objects.at(-1)?.key;
    // Past `to` (and out of its subtree): every later key is too.
    if (last !== undefined && !inKeyRange(last, undefined, to)) return;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
