import { ListObjectVersionsCommand } from '@aws-sdk/client-s3';
import type { VersioningStatus } from '@stowage/shared';
import { HttpError } from '../errors.js';
import { NO_BUCKET, probeVersioning } from './s3-capabilities.js';
import type { S3Context } from './s3-context.js';

/** A bucket's versions and delete markers (ListObjectVersions), for emptying and usage. */

export interface VersionEntry {
  key: string;
  /** The version id; null for an object of a never-versioned bucket ("null" is a real id). */
  versionId: string | null;
  size: number;
  isLatest: boolean;
  deleteMarker: boolean;
}

/** One entry of a ListObjectVersions page, in the store's order (key, then newest first). */
export interface VersionPageEntry {
  key: string;
  /** "null" for an object written while versioning was off or suspended. */
  versionId: string;
  isLatest: boolean;
  isDeleteMarker: boolean;
  size: number;
  etag: string | null;
  lastModified: string | null;
  storageClass: string | null;
}

export interface VersionPageInput {
  bucket: string;
  prefix?: string | undefined;
  delimiter?: string | undefined;
  keyMarker?: string | undefined;
  versionIdMarker?: string | undefined;
  maxKeys?: number | undefined;
}

export interface VersionPage {
  entries: VersionPageEntry[];
  /** CommonPrefixes (with a delimiter). */
  prefixes: string[];
  isTruncated: boolean;
  nextKeyMarker: string | undefined;
  nextVersionIdMarker: string | undefined;
}

/**
 * One ListObjectVersions page, versions and delete markers merged in the store's order: by key,
 * and within a key newest first (the latest first). The one place that sends ListObjectVersions
 * for a listing; the per-key history (versions route) and the `deleted=true` folder listing both
 * read it.
 */
export async function listVersionPage(
  ctx: S3Context,
  input: VersionPageInput,
): Promise<VersionPage> {
  const out = await ctx.send(
    new ListObjectVersionsCommand({
      Bucket: input.bucket,
      Prefix: input.prefix || undefined,
      Delimiter: input.delimiter || undefined,
      KeyMarker: input.keyMarker,
      VersionIdMarker: input.versionIdMarker,
      MaxKeys: input.maxKeys,
    }),
  );
  const iso = (d: Date | undefined) => (d ? d.toISOString() : null);
  const versions: VersionPageEntry[] = (out.Versions ?? []).map((v) => ({
    key: v.Key ?? '',
    versionId: v.VersionId ?? 'null',
    isLatest: v.IsLatest === true,
    isDeleteMarker: false,
    size: v.Size ?? 0,
    etag: v.ETag ?? null,
    lastModified: iso(v.LastModified),
    storageClass: v.StorageClass ?? null,
  }));
  const markers: VersionPageEntry[] = (out.DeleteMarkers ?? []).map((m) => ({
    key: m.Key ?? '',
    versionId: m.VersionId ?? 'null',
    isLatest: m.IsLatest === true,
    isDeleteMarker: true,
    size: 0,
    etag: null,
    lastModified: iso(m.LastModified),
    storageClass: null,
  }));
  const entries = storeOrder(versions, markers, (out as { EntryOrder?: string }).EntryOrder);
  const isTruncated = out.IsTruncated === true;
  return {
    entries,
    prefixes: (out.CommonPrefixes ?? []).flatMap((p) => (p.Prefix ? [p.Prefix] : [])),
    isTruncated,
    nextKeyMarker: isTruncated ? out.NextKeyMarker : undefined,
    nextVersionIdMarker: isTruncated ? out.NextVersionIdMarker : undefined,
  };
}

/**
 * The SDK splits versions from markers; the store's order is key, then newest first. The
 * reply's own interleaving (`order`, s3-versions-reader.ts) gives it back exactly; without it
 * (a reply the reader could not read) the entries are sorted by key, latest, then time.
 */
function storeOrder(
  versions: VersionPageEntry[],
  markers: VersionPageEntry[],
  order: string | undefined,
): VersionPageEntry[] {
  const counts = (letter: string) => [...(order ?? '')].filter((c) => c === letter).length;
  if (order !== undefined && counts('V') === versions.length && counts('M') === markers.length) {
    let v = 0;
    let m = 0;
    return [...order].map((c) => (c === 'V' ? versions[v++]! : markers[m++]!));
  }
  const entries = [...versions, ...markers];
  const time = (e: VersionPageEntry) => (e.lastModified ? Date.parse(e.lastModified) : 0);
  return entries.sort((a, b) =>
    a.key !== b.key
      ? Buffer.compare(Buffer.from(a.key), Buffer.from(b.key))
      : Number(b.isLatest) - Number(a.isLatest) || time(b) - time(a),
  );
}

/** The bucket's versioning, asked now (not the capability cache): NoSuchBucket if none. */
export async function versioningNow(ctx: S3Context, bucket: string): Promise<VersioningStatus> {
  const status = await probeVersioning(ctx, bucket);
  if (status === NO_BUCKET) throw new HttpError('NoSuchBucket', 'The bucket does not exist');
  return status;
}

/** Was the bucket ever versioned (so it may hold versions and delete markers)? */
export const wasVersioned = (status: VersioningStatus) =>
  status === 'Enabled' || status === 'Suspended';

/** Every version and delete marker under a prefix, one page (up to 1,000 entries) at a time. */
export async function* allVersions(
  ctx: S3Context,
  bucket: string,
  prefix = '',
  signal?: AbortSignal,
): AsyncGenerator<VersionEntry[]> {
  let keyMarker: string | undefined;
  let versionMarker: string | undefined;
  do {
    if (signal?.aborted) return;
    const out = await ctx.send(
      new ListObjectVersionsCommand({
        Bucket: bucket,
        Prefix: prefix || undefined,
        KeyMarker: keyMarker,
        VersionIdMarker: versionMarker,
      }),
    );
    const versions: VersionEntry[] = (out.Versions ?? []).map((v) => ({
      key: v.Key ?? '',
      versionId: v.VersionId ?? null,
      size: v.Size ?? 0,
      isLatest: v.IsLatest === true,
      deleteMarker: false,
    }));
    const markers: VersionEntry[] = (out.DeleteMarkers ?? []).map((m) => ({
      key: m.Key ?? '',
      versionId: m.VersionId ?? null,
      size: 0,
      isLatest: m.IsLatest === true,
      deleteMarker: true,
    }));
    yield [...versions, ...markers];
    const truncated = out.IsTruncated === true && Boolean(out.NextKeyMarker);
    keyMarker = truncated ? out.NextKeyMarker : undefined;
    versionMarker = truncated ? out.NextVersionIdMarker : undefined;
  } while (keyMarker);
}
