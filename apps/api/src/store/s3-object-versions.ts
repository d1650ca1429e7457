import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import type {
  ListVersionsQuery,
  ListVersionsResponse,
  ObjectVersion,
  VersioningStatus,
} from '@stowage/shared';
import { badRequest, HttpError, notApplied } from '../errors.js';
import { sameEtag } from './metadata-edit.js';
import { isMultipartEtag, KeyFailure } from './organize-keys.js';
import type { S3Context } from './s3-context.js';
import { copyOneObject } from './s3-copy.js';
import { headDetails } from './s3-object-info.js';
import { listVersionPage, type VersionPageEntry } from './s3-versions.js';

/**
 * An object's history and recovery (issue 19): one key's versions, restore, permanent delete,
 * undelete. S3Store first asks the capability probe whether the store versions at all
 * (`requireVersioning`: 501 VersioningUnsupported, naming the capability, on s3rver).
 *
 * A bucket that was never versioned (`Off`) gets the store's natural answers, not a 409: its
 * history is the one "null" version of each object (ListObjectVersions answers it so on Ceph
 * RGW and AWS); restoring "null" answers it as the current version, nothing written; an
 * undelete finds no delete marker (409 NotDeleted, or 404 NoSuchKey for a missing key); a
 * permanent delete of "null" deletes the object, as a plain delete would.
 */

/** The one answer of every versions operation on a store without versioning. */
export const versioningUnsupported = () =>
  new HttpError(
    'VersioningUnsupported',
    'This store does not support object versioning (capability: versioning)',
  );

/** Throws 501 VersioningUnsupported where the probe says the store has no versioning. */
export function requireVersioning(status: VersioningStatus): void {
  if (status === 'unsupported') throw versioningUnsupported();
}

const noSuchVersion = (versionId: string) =>
  new HttpError('NoSuchVersion', `The object has no version "${shorten(versionId)}"`);

const shorten = (s: string) => (s.length > 80 ? `${s.slice(0, 80)}…` : s);

/** The opaque cursor of a versions page: the key and the last version id answered. */
interface Cursor {
  k: string;
  v: string;
}

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c), 'utf8').toString('base64url');

/** Throws the 400 of a cursor this API did not give for this key (before anything is sent). */
export function checkVersionsCursor(query: ListVersionsQuery): void {
  if (query.cursor) decodeCursor(query.cursor, query.key);
}

function decodeCursor(cursor: string, key: string): Cursor {
  let parsed: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('not base64url');
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badRequest('The cursor is not one this API gave: start again without it');
  }
  const c = parsed as Partial<Cursor> | null;
  if (typeof c?.k !== 'string' || typeof c.v !== 'string' || !c.v) {
    throw badRequest('The cursor is not one this API gave: start again without it');
  }
  if (c.k !== key) throw badRequest('The cursor belongs to another key: start again without it');
  return { k: c.k, v: c.v };
}

const toVersion = (e: VersionPageEntry): ObjectVersion => ({
  versionId: e.versionId,
  isLatest: e.isLatest,
  isDeleteMarker: e.isDeleteMarker,
  size: e.size,
  etag: e.etag,
  lastModified: e.lastModified,
});

/**
 * One page of a key's versions and delete markers, newest first: ListObjectVersions with the
 * key as prefix, exact matches only (the key sorts before every key it is a prefix of, so the
 * first other key ends the history). One more entry than `limit` is asked for, so a page that
 * ends the history says so (no empty last page).
 */
export async function listKeyVersions(
  ctx: S3Context,
  bucket: string,
  query: ListVersionsQuery,
): Promise<ListVersionsResponse> {
  const { key, limit } = query;
  const start = query.cursor ? decodeCursor(query.cursor, key) : undefined;
  const page = await listVersionPage(ctx, {
    bucket,
    prefix: key,
    keyMarker: start?.k,
    versionIdMarker: start?.v,
    maxKeys: Math.min(limit + 1, 1000),
  });
  const own = takeKey(page.entries, key);
  const ended = own.length < page.entries.length || !page.isTruncated;
  const versions = own.slice(0, limit);
  const last = versions.at(-1);
  const more = own.length > limit || !ended;
  return {
    versions: versions.map(toVersion),
    nextCursor: more && last ? encodeCursor({ k: key, v: last.versionId }) : null,
  };
}

/** The leading entries of `key` (a listing by prefix = key starts with them). */
function takeKey(entries: VersionPageEntry[], key: string): VersionPageEntry[] {
  const end = entries.findIndex((e) => e.key !== key);
  return end === -1 ? entries : entries.slice(0, end);
}

/** Every version and delete marker of exactly `key`, newest first, a page at a time. */
async function* keyEntries(
  ctx: S3Context,
  bucket: string,
  key: string,
): AsyncGenerator<VersionPageEntry> {
  let versionIdMarker: string | undefined;
  for (;;) {
    const page = await listVersionPage(ctx, {
      bucket,
      prefix: key,
      keyMarker: versionIdMarker ? key : undefined,
      versionIdMarker,
    });
    const own = takeKey(page.entries, key);
    yield* own;
    const last = own.at(-1);
    if (own.length < page.entries.length || !page.isTruncated || !last) return;
    versionIdMarker = last.versionId;
  }
}

async function findVersion(
  ctx: S3Context,
  bucket: string,
  key: string,
  versionId: string,
): Promise<VersionPageEntry | undefined> {
  for await (const e of keyEntries(ctx, bucket, key)) if (e.versionId === versionId) return e;
  return undefined;
}

/**
 * Makes `versionId` the current version by copying it over the key (CopyObject with
 * `?versionId=`, metadata and tags kept, in parts over the copy threshold: s3-copy.ts), then
 * reads the key back. A version that is current already is answered as it is, nothing written.
 * On a suspended bucket the copy is the new "null" version (replacing an older "null" one, as
 * any write there does).
 */
export async function restoreVersion(
  ctx: S3Context,
  bucket: string,
  key: string,
  versionId: string,
): Promise<ObjectVersion> {
  const entry = await findVersion(ctx, bucket, key, versionId);
  if (!entry) throw noSuchVersion(versionId);
  if (entry.isDeleteMarker) {
    throw badRequest(
      `Version "${shorten(versionId)}" is a delete marker: it has no content to restore ` +
        '(undelete the object to remove its delete markers)',
    );
  }
  if (entry.isLatest) return toVersion(entry);
  try {
    await copyOneObject(
      ctx,
      bucket,
      {
        key,
        sourceVersionId: versionId,
        size: entry.size,
        etag: entry.etag,
        storageClass: entry.storageClass,
      },
      { bucket, key, verify: false },
    );
  } catch (err) {
    // PartCopyUnsupported: a versioned store whose profile turned UploadPartCopy off.
    if (err instanceof KeyFailure) throw new HttpError('NotSupported', err.message);
    throw err;
  }
  const after = await headDetails(ctx, bucket, key);
  const digests = !isMultipartEtag(entry.etag) && !isMultipartEtag(after.etag);
  if (after.size !== entry.size || (digests && !sameEtag(after.etag, entry.etag))) {
    throw notApplied(
      'The store accepted the restore but the current version is not a copy of the version ' +
        `(size ${after.size}, ETag ${after.etag ?? 'none'})`,
    );
  }
  return {
    versionId: after.versionId ?? 'null',
    isLatest: true,
    isDeleteMarker: false,
    size: after.size,
    etag: after.etag,
    lastModified: after.lastModified,
  };
}

/**
 * Deletes one version or delete marker permanently (DeleteObject with VersionId): it must be
 * listed first (S3 answers 204 for an unknown id), and is looked for again after. Deleting the
 * delete marker that hides a key undeletes it.
 */
export async function deleteVersion(
  ctx: S3Context,
  bucket: string,
  key: string,
  versionId: string,
): Promise<void> {
  if (!(await findVersion(ctx, bucket, key, versionId))) throw noSuchVersion(versionId);
  await ctx.send(new DeleteObjectCommand({ Bucket: bucket, Key: key, VersionId: versionId }));
  if (await findVersion(ctx, bucket, key, versionId)) {
    throw notApplied('The store accepted the delete but the version is still there');
  }
}

/**
 * Removes the delete markers above the key's newest version (every one, stacked markers too;
 * the topmost first, so a failure midway leaves the key deleted still, and a retry removes the
 * rest), then reads the key back: answers the version that is current again.
 */
export async function undeleteObject(
  ctx: S3Context,
  bucket: string,
  key: string,
): Promise<ObjectVersion> {
  const markers: string[] = [];
  let newest: VersionPageEntry | undefined;
  for await (const e of keyEntries(ctx, bucket, key)) {
    if (!e.isDeleteMarker) {
      newest = e;
      break;
    }
    markers.push(e.versionId);
  }
  if (!newest && markers.length === 0) {
    throw new HttpError('NoSuchKey', 'The object has no versions: there is nothing to undelete');
  }
  if (markers.length === 0) {
    throw new HttpError(
      'NotDeleted',
      'The object is not deleted: its current version is not a delete marker',
    );
  }
  if (!newest) {
    throw new HttpError(
      'NoSuchKey',
      'The object has only delete markers: there is no version to bring back',
    );
  }
  for (const id of markers) {
    await ctx.send(new DeleteObjectCommand({ Bucket: bucket, Key: key, VersionId: id }));
  }
  const after = await headDetails(ctx, bucket, key).catch((err: unknown) => {
    if (err instanceof HttpError && err.code === 'NoSuchKey') return undefined;
    throw err;
  });
  if (!after || (after.versionId ?? 'null') !== newest.versionId) {
    throw notApplied(
      'The store accepted the removal of the delete markers but the object is not back',
    );
  }
  return {
    versionId: newest.versionId,
    isLatest: true,
    isDeleteMarker: false,
    size: after.size,
    etag: after.etag,
    lastModified: after.lastModified,
  };
}
