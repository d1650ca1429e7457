import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import type {
  ListObjectsQuery,
  ListObjectsResponse,
  ObjectSummary,
  VersioningStatus,
} from '@stowage/shared';
import { badRequest, HttpError } from '../errors.js';
import type { S3Context } from './s3-context.js';
import { listVersionPage, type VersionPage } from './s3-versions.js';

/**
 * A folder page with its deleted keys (`deleted=true`): ListObjectVersions read as a listing
 * (docs/adr/0012-deleted-listing.md). A key's entry is its latest version or delete marker, on
 * the page that holds that latest entry; its older versions, wherever they fall, are skipped.
 */

/** The deleted listing's cursor: its own prefix, so a ListObjectsV2 token is never taken for it. */
const CURSOR_PREFIX = 'v1.';
/** Store pages read for one answer at most, while pages hold only older versions. */
export const MAX_PAGES_PER_ANSWER = 10;

interface VersionCursor {
  /** KeyMarker and VersionIdMarker of the next ListObjectVersions page. */
  k: string;
  v?: string;
}

export function encodeVersionCursor(cursor: VersionCursor): string {
  return CURSOR_PREFIX + Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

/** The markers of a deleted listing's cursor; undefined if it is not one. */
export function decodeVersionCursor(cursor: string): VersionCursor | undefined {
  if (!cursor.startsWith(CURSOR_PREFIX)) return undefined;
  const body = cursor.slice(CURSOR_PREFIX.length);
  if (!/^[A-Za-z0-9_-]+$/.test(body)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    if (typeof value !== 'object' || value === null) return undefined;
    const { k, v } = value as Record<string, unknown>;
    if (typeof k !== 'string' || k === '') return undefined;
    if (v !== undefined && typeof v !== 'string') return undefined;
    return v === undefined ? { k } : { k, v };
  } catch {
    return undefined;
  }
}

/** A deleted listing's cursor given to the plain listing: refused, so no page is lost. */
export function refuseVersionCursor(cursor: string | undefined): void {
  if (cursor !== undefined && decodeVersionCursor(cursor)) {
    throw badRequest(
      'cursor: this cursor belongs to a listing with deleted=true; ask for the next page with deleted=true, or start again without a cursor',
    );
  }
}

/** The versioning states in which a bucket may hold versions and delete markers. */
const VERSIONED = new Set<VersioningStatus>(['Enabled', 'Suspended', 'unknown']);

export interface DeletedListingOptions {
  /** The bucket's versioning, as the capability probe knows it (cached). */
  versioning: () => Promise<VersioningStatus>;
  /** The plain listing (ListObjectsV2), for a bucket that cannot hold deleted keys. */
  plain: () => Promise<ListObjectsResponse>;
}

/**
 * `deleted=true`: on a bucket that is or was versioned, ListObjectVersions pages (Prefix,
 * Delimiter, MaxKeys = limit, the cursor's markers); on one never versioned, or a store without
 * versioning, the plain listing. When the probe could not tell (`unknown`), ListObjectVersions
 * is tried: a store that does not implement it gets the plain listing, any other failure is the
 * store's mapped error.
 */
export async function listWithDeleted(
  ctx: S3Context,
  bucket: string,
  query: ListObjectsQuery,
  options: DeletedListingOptions,
): Promise<ListObjectsResponse> {
  const status = await options.versioning();
  if (!VERSIONED.has(status)) return options.plain();
  // startAfter (a first page only): ListObjectVersions' KeyMarker, which also lists after it.
  let markers: VersionCursor | undefined =
    query.startAfter === undefined ? undefined : { k: query.startAfter };
  if (query.cursor !== undefined) {
    markers = decodeVersionCursor(query.cursor);
    if (!markers) {
      throw badRequest(
        'cursor: not a cursor of a listing with deleted=true (a page without deleted=true has its own); start again without a cursor',
      );
    }
  }
  try {
    return await versionsAsListing(ctx, bucket, query, markers);
  } catch (err) {
    if (status === 'unknown' && err instanceof HttpError && err.code === 'NotSupported') {
      return options.plain();
    }
    throw err;
  }
}

async function versionsAsListing(
  ctx: S3Context,
  bucket: string,
  query: ListObjectsQuery,
  start: VersionCursor | undefined,
): Promise<ListObjectsResponse> {
  let markers = start;
  for (let pages = 1; ; pages++) {
    const versions = listVersionPage(ctx, {
      bucket,
      prefix: query.prefix,
      delimiter: query.delimiter,
      keyMarker: markers?.k,
      versionIdMarker: markers?.v,
      maxKeys: query.limit,
    });
    // With a delimiter the page may hold folders: which of them hold objects is asked at the
    // same time (its latency hidden behind ListObjectVersions'), for the first page only (a
    // followed page is a key's older versions).
    const live =
      pages === 1 && query.delimiter
        ? liveReply(ctx, bucket, query, { startAfter: markers?.k, maxKeys: query.limit + 1 })
        : undefined;
    const [pageResult, liveResult] = await Promise.allSettled([versions, live]);
    if (pageResult.status === 'rejected') throw pageResult.reason;
    const page = pageResult.value;
    const objects = latestEntries(page);
    const next: VersionCursor | undefined = page.nextKeyMarker
      ? page.nextVersionIdMarker === undefined
        ? { k: page.nextKeyMarker }
        : { k: page.nextKeyMarker, v: page.nextVersionIdMarker }
      : undefined;
    const nextCursor = next ? encodeVersionCursor(next) : null;
    // A page of older versions only (a key's history spilling over): the next one, bounded.
    if (objects.length + page.prefixes.length === 0 && next && pages < MAX_PAGES_PER_ANSWER) {
      markers = next;
      continue;
    }
    if (page.prefixes.length === 0) {
      return { prefixes: page.prefixes, objects, nextCursor, deletedPrefixes: [] };
    }
    if (liveResult.status === 'rejected') throw liveResult.reason;
    const deletedPrefixes = await prefixesWithoutObjects(ctx, bucket, query, {
      startAfter: markers?.k,
      objects,
      prefixes: page.prefixes,
      first: liveResult.value,
    });
    return { prefixes: page.prefixes, objects, nextCursor, deletedPrefixes };
  }
}

/** Each key once: its latest entry, a version as in the plain listing, a marker as deleted. */
function latestEntries(page: VersionPage): ObjectSummary[] {
  return page.entries
    .filter((e) => e.isLatest)
    .map((e) =>
      e.isDeleteMarker
        ? {
            key: e.key,
            size: 0,
            lastModified: e.lastModified,
            etag: null,
            storageClass: null,
            deleted: true as const,
            versionId: e.versionId,
          }
        : {
            key: e.key,
            size: e.size,
            lastModified: e.lastModified,
            etag: e.etag,
            storageClass: e.storageClass,
          },
    );
}

const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

interface LiveReply {
  /** Folders and keys of the reply, in the store's order. */
  seen: string[];
  folders: string[];
  token: string | undefined;
}

/** One ListObjectsV2 page over the listing's Prefix and Delimiter: what is current there. */
async function liveReply(
  ctx: S3Context,
  bucket: string,
  query: ListObjectsQuery,
  at: { startAfter?: string | undefined; token?: string | undefined; maxKeys: number },
): Promise<LiveReply> {
  const out = await ctx.send(
    new ListObjectsV2Command({
      Bucket: bucket,
      Prefix: query.prefix || undefined,
      Delimiter: query.delimiter || undefined,
      StartAfter: at.token ? undefined : at.startAfter,
      ContinuationToken: at.token,
      MaxKeys: Math.min(1000, at.maxKeys),
    }),
  );
  const folders = (out.CommonPrefixes ?? []).flatMap((p) => (p.Prefix ? [p.Prefix] : []));
  return {
    folders,
    seen: [...folders, ...(out.Contents ?? []).flatMap((o) => (o.Key ? [o.Key] : []))],
    token: out.IsTruncated ? out.NextContinuationToken : undefined,
  };
}

/**
 * The page's folders that hold no current object: a ListObjectsV2 over the same range (same
 * Prefix and Delimiter, StartAfter the page's key marker) shows the folders that do. Every
 * current object or folder of that range up to the page's last folder is on the version page
 * too, so MaxKeys = the page's live objects + folders (+ 1: a store may show the start marker's
 * folder again) reaches it in one request, asked beside ListObjectVersions with MaxKeys =
 * limit + 1, which is at least that. A store that answers less is asked again (bounded by the
 * same count), and a folder it never reached counts as holding objects (never shown as deleted
 * when it is not).
 */
async function prefixesWithoutObjects(
  ctx: S3Context,
  bucket: string,
  query: ListObjectsQuery,
  page: {
    startAfter: string | undefined;
    objects: ObjectSummary[];
    prefixes: string[];
    first: LiveReply | undefined;
  },
): Promise<string[]> {
  const { prefixes } = page;
  const last = prefixes.reduce((a, b) => (byteOrder(a, b) >= 0 ? a : b));
  const wanted = page.objects.filter((o) => !o.deleted).length + prefixes.length + 1;
  const live = new Set<string>();
  let furthest = '';
  let reached = false;
  let reply = page.first;
  for (let asked = 0; ;) {
    reply ??= await liveReply(ctx, bucket, query, { startAfter: page.startAfter, maxKeys: wanted });
    for (const f of reply.folders) live.add(f);
    for (const s of reply.seen) if (byteOrder(s, furthest) > 0) furthest = s;
    asked += Math.max(1, reply.seen.length);
    reached = !reply.token || byteOrder(furthest, last) >= 0;
    if (reached || asked >= wanted) break;
    reply = await liveReply(ctx, bucket, query, { token: reply.token, maxKeys: wanted });
  }
  const checked = (p: string) => reached || byteOrder(p, furthest) <= 0;
  return prefixes.filter((p) => checked(p) && !live.has(p));
}
