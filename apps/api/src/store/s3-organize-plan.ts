import type { CopyError, CopyObjectsBody, ObjectSummary } from '@stowage/shared';
import { keepBothKey } from '@stowage/shared';
import pMap from 'p-map';
import { HttpError } from '../errors.js';
import { bucketError, keyError } from './key-policy.js';
import { checkFolders, existsMessage, shapeOf } from './organize-keys.js';
import type { SourceObject } from './s3-copy.js';
import type { S3Context } from './s3-context.js';
import { headDetails } from './s3-object-info.js';

/** What planning needs of the store beside the context (S3Store's own methods). */
export interface OrganizeDeps {
  listAll(bucket: string, prefix: string): AsyncGenerator<ObjectSummary[]>;
  bucketExists(bucket: string): Promise<boolean>;
}

export interface CopyItem {
  source: SourceObject;
  target: string;
}

/** Exactly what the operation will do, decided before anything is written. */
export interface CopyPlan {
  items: CopyItem[];
  skipped: number;
  /** Keys refused while planning (a bad key, a key onto itself…): never sent. */
  errors: CopyError[];
  total: number;
  totalBytes: number;
}

/** HEADs at once while planning a selection (as s3-bulk.ts existingKeys). */
const HEADS_AT_ONCE = 16;

const absent = (err: unknown) => err instanceof HttpError && err.statusCode === 404;

/** The object's listing, or undefined where there is none (a HEAD's 404). */
async function headOrNone(ctx: S3Context, bucket: string, key: string) {
  try {
    return await headDetails(ctx, bucket, key);
  } catch (err) {
    if (absent(err)) return undefined;
    throw err;
  }
}

/** Both buckets may be used (allowlist: 403) and exist (404), before any work. */
async function checkBuckets(ctx: S3Context, deps: OrganizeDeps, buckets: string[]) {
  for (const bucket of new Set(buckets)) {
    const refused = bucketError(bucket, ctx.config.bucketAllowlist);
    if (refused) throw refused;
  }
  for (const bucket of new Set(buckets)) {
    if (!(await deps.bucketExists(bucket))) {
      throw new HttpError('NoSuchBucket', `The bucket ${bucket} does not exist`);
    }
  }
}

/**
 * Plans a copy, move or rename: lists each folder once and HEADs each named key (sizes and
 * ETags of exactly this snapshot, and the totals), maps every source to its destination,
 * refuses what may not be sent, then applies the conflict mode against the destinations that
 * exist (one listing per destination folder; a HEAD per destination of a named key):
 * `fail` answers 409 before anything is written.
 */
export async function planCopy(
  ctx: S3Context,
  deps: OrganizeDeps,
  bucket: string,
  body: CopyObjectsBody,
): Promise<CopyPlan> {
  const toBucket = body.to.bucket;
  const sameBucket = toBucket === bucket;
  const keepBoth = body.conflict === 'keepBoth';
  const shape = shapeOf(body);
  await checkBuckets(ctx, deps, [bucket, toBucket]);
  checkFolders(shape.folders, sameBucket, body.move, keepBoth);

  const errors: CopyError[] = [];
  const refuse = (key: string, err: HttpError) => {
    if (shape.single) throw err;
    errors.push({ key, code: err.code, message: err.message });
  };
  const policy = ctx.keyPolicy;
  const sendable = (key: string, target: string) => {
    const refused = keyError(key, policy) ?? keyError(target, policy);
    if (refused) refuse(key, refused);
    return !refused;
  };

  // Sources: named keys by HEAD, folders by one listing each.
  const items: CopyItem[] = [];
  const named = shape.keys.filter((k) => sendable(k.key, k.target));
  const heads = await pMap(named, (k) => headOrNone(ctx, bucket, k.key), {
    concurrency: HEADS_AT_ONCE,
  });
  named.forEach(({ key, target }, i) => {
    const head = heads[i];
    if (!head) return refuse(key, new HttpError('NoSuchKey', `The object ${key} does not exist`));
    if (sameBucket && target === key && !keepBoth) {
      return refuse(
        key,
        new HttpError(
          'BadRequest',
          `${key} cannot be copied onto itself; choose "keep both" to duplicate it`,
        ),
      );
    }
    const { size, etag, storageClass } = head;
    items.push({ source: { key, size, etag, storageClass }, target });
  });
  const fromKeys = items.length;
  for (const folder of shape.folders) {
    for await (const page of deps.listAll(bucket, folder.prefix)) {
      for (const o of page) {
        const target = folder.target + o.key.slice(folder.prefix.length);
        if (sendable(o.key, target)) items.push({ source: o, target });
      }
    }
  }

  // Destinations that exist: a listing per destination folder, a HEAD per named key.
  const existing = new Set<string>();
  for (const folder of shape.folders) {
    for await (const page of deps.listAll(toBucket, folder.target)) {
      for (const o of page) existing.add(o.key);
    }
  }
  const namedItems = items.slice(0, fromKeys);
  const found = await pMap(namedItems, (i) => headOrNone(ctx, toBucket, i.target), {
    concurrency: HEADS_AT_ONCE,
  });
  namedItems.forEach((item, i) => found[i] && existing.add(item.target));

  let skipped = 0;
  const planned = new Set<string>();
  const conflicts: CopyItem[] = [];
  const kept: CopyItem[] = [];
  for (const item of items) {
    if (existing.has(item.target)) conflicts.push(item);
    else if (planned.has(item.target) && !keepBoth) {
      refuse(
        item.source.key,
        new HttpError('BadRequest', `Another key also goes to ${item.target}`),
      );
    } else if (planned.has(item.target)) conflicts.push(item);
    else {
      planned.add(item.target);
      kept.push(item);
    }
  }
  if (body.conflict === 'fail' && conflicts.length > 0) {
    throw new HttpError('DestinationExists', existsMessage(conflicts.map((c) => c.target)));
  }
  for (const item of conflicts) {
    if (body.conflict === 'skip') skipped += 1;
    else if (body.conflict === 'overwrite') kept.push(item);
    else {
      item.target = await freeName(ctx, toBucket, item.target, existing, planned, shape.folders);
      planned.add(item.target);
      kept.push(item);
    }
  }
  const totalBytes = kept.reduce((n, i) => n + i.source.size, 0);
  return { items: kept, skipped, errors, total: kept.length + skipped + errors.length, totalBytes };
}

/**
 * The first "name (n).ext" free in the destination and in this operation. A folder's
 * destination was listed whole; a named key's candidates are HEADed one by one.
 */
async function freeName(
  ctx: S3Context,
  bucket: string,
  target: string,
  existing: Set<string>,
  planned: Set<string>,
  folders: readonly { target: string }[],
): Promise<string> {
  const listed = folders.some((f) => target.startsWith(f.target));
  for (let n = 1; ; n += 1) {
    const candidate = keepBothKey(target, n);
    if (existing.has(candidate) || planned.has(candidate)) continue;
    if (!listed && (await headOrNone(ctx, bucket, candidate))) {
      existing.add(candidate);
      continue;
    }
    return candidate;
  }
}
