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
