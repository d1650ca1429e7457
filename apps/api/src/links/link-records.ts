import { createHash } from 'node:crypto';
import { text } from 'node:stream/consumers';
import pMap from 'p-map';
import type { LinkKind } from '@stowage/shared';
import { HttpError } from '../errors.js';
import type { ProfileLinks } from '../config/profiles.js';
import type { ObjectStore } from '../store/object-store.js';
import type { LinkClaims } from './link-token.js';

/**
 * Link records: one small JSON object per relay or upload link, kept in the store itself (no
 * database), so every Stowage instance on the same store agrees on what exists. The Links view
 * lists them; Revoke deletes one; a token whose record is gone is refused. Written and read with
 * the profile's link keys through the ordinary ObjectStore (PutObject, GetObject, ListObjectsV2,
 * DeleteObject): a record is an object like any other.
 */
export interface LinkRecord {
  v: 1;
  id: string;
  kind: LinkKind;
  profile: string;
  bucket: string;
  /** The object (download) or the folder (upload). */
  key: string;
  /** The access key id, or "dashboard password". */
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  downloadName?: string | undefined;
  /**
   * `linkKeyId` of the key the link was made under: the Links view shows a record of another
   * key (the secret changed) as expired. Its use is refused anyway: the record's metadata holds
   * the digest of the token that key signed (recordMatches).
   */
  keyId?: string | undefined;
  /** scrypt hash (auth/password-hash.ts) of the link's password; never the password. */
  passwordHash?: string | undefined;
  maxBytes?: number | undefined;
  maxTotalBytes?: number | undefined;
  overwrite?: boolean | undefined;
}

/** Where a bucket's link records live: a bucket and a folder in it. */
export interface RecordPlace {
  bucket: string;
  /** "…/": the records are `<folder><id>.json`. */
  folder: string;
}

/** The records of `bucket`'s links: in that bucket under the prefix, or in the links bucket. */
export function recordPlace(links: ProfileLinks, bucket: string): RecordPlace {
  return links.bucket
    ? { bucket: links.bucket, folder: `${links.prefix}${bucket}/` }
    : { bucket, folder: links.prefix };
}

export const recordKey = (place: RecordPlace, id: string) => `${place.folder}${id}.json`;

/**
 * The folder hidden from `bucket`'s listing (the first segment of the records' prefix, e.g.
 * ".stowage/"), or undefined when this bucket keeps no records (they live in the links bucket).
 */
export function hiddenFolder(links: ProfileLinks, bucket: string): string | undefined {
  if (links.bucket !== undefined && links.bucket !== bucket) return undefined;
  return `${links.prefix.split('/')[0]!}/`;
}

/**
 * The claims a record was made with: the token they sign is the link's own again (the same
 * claims always make the same token), so the Links view can show the URL without storing it.
 */
export function claimsOfRecord(r: LinkRecord): LinkClaims {
  return {
    id: r.id,
    kind: r.kind,
    profile: r.profile,
    bucket: r.bucket,
    key: r.key,
    expiresAt: Math.floor(Date.parse(r.expiresAt) / 1000),
    downloadName: r.downloadName,
    password: r.passwordHash !== undefined,
    maxBytes: r.maxBytes,
    maxTotalBytes: r.maxTotalBytes,
    overwrite: r.overwrite,
  };
}

/** Records fetched at once when a page of them is listed. */
const READ_CONCURRENCY = 8;
/** Records per page of `GET /links`. */
export const LINKS_PAGE = 200;
/** A record is a few hundred bytes; anything much larger is not ours. */
const MAX_RECORD_BYTES = 64 * 1024;

/** The user metadata that ties a record to its token: `x-amz-meta-stowage-link`. */
export const TOKEN_DIGEST_METADATA = 'stowage-link';

/** SHA-256 of the whole token (claims and mac), base64url: what the record keeps of it. */
export const tokenDigest = (token: string) =>
  createHash('sha256').update(token).digest('base64url');

/**
 * Writes the record of the link `token` signs: the JSON (for the Links view and the password
 * check) and, as metadata, the token's digest (for every use of the link: recordMatches).
 */
export async function putLinkRecord(
  store: ObjectStore,
  place: RecordPlace,
  record: LinkRecord,
  token: string,
) {
  await store.putObject({
    bucket: place.bucket,
    key: recordKey(place, record.id),
    body: JSON.stringify(record),
    contentType: 'application/json',
    metadata: { [TOKEN_DIGEST_METADATA]: tokenDigest(token) },
  });
}

/**
 * Whether the link `token` signs still has its record, made for that very token: one HeadObject,
 * the record's metadata against the token's digest. A HEAD rather than a GET of the JSON: no
 * body to stream, and no small-body stall (Ceph RGW 16 answers a GET of a few hundred bytes
 * ~40 ms late; a HEAD it answers at once: ADR 0011). A token signed under another key (a
 * rotated secret) has another digest, so it is refused like a revoked one.
 */
export async function recordMatches(
  store: ObjectStore,
  place: RecordPlace,
  id: string,
  token: string,
): Promise<boolean> {
  try {
    const head = await store.getObjectDetails(place.bucket, recordKey(place, id));
    return head.metadata?.[TOKEN_DIGEST_METADATA] === tokenDigest(token);
  } catch (err) {
    if (isNotFound(err)) return false;
    throw err;
  }
}

const isNotFound = (err: unknown) =>
  err instanceof HttpError && (err.code === 'NoSuchKey' || err.code === 'NotFound');

/** The record, or undefined when there is none (revoked, or never made here). */
export async function getLinkRecord(
  store: ObjectStore,
  place: RecordPlace,
  id: string,
): Promise<LinkRecord | undefined> {
  let body: string;
  try {
    const content = await store.getObjectContent(place.bucket, recordKey(place, id));
    if ((content.contentLength ?? 0) > MAX_RECORD_BYTES) {
      content.body.destroy();
      return undefined;
    }
    body = await text(content.body);
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
  return parseRecord(body, id);
}

/** A record as written by putLinkRecord, or undefined for anything else. */
export function parseRecord(body: string, id: string): LinkRecord | undefined {
  try {
    const r = JSON.parse(body) as Partial<LinkRecord>;
    if (
      r.v === 1 &&
      r.id === id &&
      (r.kind === 'download' || r.kind === 'upload') &&
      typeof r.profile === 'string' &&
      typeof r.bucket === 'string' &&
      typeof r.key === 'string' &&
      typeof r.createdBy === 'string' &&
      typeof r.createdAt === 'string' &&
      typeof r.expiresAt === 'string'
    ) {
      return r as LinkRecord;
    }
  } catch {
    // not JSON: not a record of ours
  }
  return undefined;
}

/** Deletes the record; false when there was none. */
export async function deleteLinkRecord(
  store: ObjectStore,
  place: RecordPlace,
  id: string,
): Promise<boolean> {
  if (!(await getLinkRecord(store, place, id))) return false;
  await store.deleteObject(place.bucket, recordKey(place, id));
  return true;
}

const ID_FILE = /^([A-Za-z0-9_-]{22})\.json$/;

/** One page of records (unreadable or foreign objects in the folder are skipped). */
export async function listLinkRecords(
  store: ObjectStore,
  place: RecordPlace,
  cursor?: string,
): Promise<{ records: LinkRecord[]; nextCursor: string | null }> {
  const page = await store.listObjects(place.bucket, {
    prefix: place.folder,
    delimiter: '/',
    cursor,
    limit: LINKS_PAGE,
  });
  const ids = page.objects
    .map((o) => ID_FILE.exec(o.key.slice(place.folder.length))?.[1])
    .filter((id): id is string => id !== undefined);
  const records = await pMap(ids, (id) => getLinkRecord(store, place, id), {
    concurrency: READ_CONCURRENCY,
  });
  return {
    records: records
      .filter((r): r is LinkRecord => r !== undefined)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
    nextCursor: page.nextCursor ?? null,
  };
}
