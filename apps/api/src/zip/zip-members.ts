import pMap from 'p-map';
import { downloadFilename } from '@stowage/shared';
import { HttpError } from '../errors.js';
import type { ObjectStore } from '../store/object-store.js';

/** One entry of the zip: an object's bytes, or a folder marker as a directory entry. */
export interface ZipMember {
  key: string;
  /** The entry's name: the key relative to the folder being zipped. */
  name: string;
  /** True for a folder marker (a key ending in "/"): a directory entry, no bytes. */
  directory: boolean;
  /** Bytes, as listed (or HEADed): decides whether the member is read ahead (read-ahead.ts). */
  size: number;
  /** From the listing or HEAD: the entry's time when GetObject does not say. */
  lastModified: Date;
}

/** What to stream, decided (listed) before the first byte. */
export interface ZipPlan {
  members: ZipMember[];
  /** The download's name without ".zip": the folder's, or the bucket's at the root. */
  filename: string;
}

/** HEADs of the keys a selection names, at once (they are small requests). */
const HEAD_CONCURRENCY = 8;

/** `GET /zip?prefix=p/`: every object under the prefix, named relative to it. */
export async function planFolder(
  store: ObjectStore,
  bucket: string,
  prefix: string,
): Promise<ZipPlan> {
  const members: ZipMember[] = [];
  await addFolder(store, bucket, prefix, prefix, members);
  if (!members.some((m) => !m.directory)) {
    throw new HttpError('NoSuchKey', `Nothing to download: no objects under "${prefix}"`);
  }
  return { members, filename: downloadFilename(prefix) };
}

/**
 * `POST /zip`: a selection in one folder. Keys are HEADed (a missing one is a 404 before the
 * first byte), prefixes listed; each member is named relative to that folder.
 */
export async function planSelection(
  store: ObjectStore,
  bucket: string,
  selection: { keys: string[]; prefixes: string[] },
): Promise<ZipPlan> {
  const keys = [...new Set(selection.keys)];
  const prefixes = [...new Set(selection.prefixes)];
  const folder = oneParent([...keys, ...prefixes]);
  const members = await pMap(
    keys,
    async (key): Promise<ZipMember> => {
      const head = await store.getObjectDetails(bucket, key);
      return member(key, folder, head.lastModified, head.size);
    },
    { concurrency: HEAD_CONCURRENCY },
  );
  for (const prefix of prefixes) await addFolder(store, bucket, prefix, folder, members);
  if (!members.some((m) => !m.directory)) {
    throw new HttpError('NoSuchKey', 'Nothing to download: the selected folders hold no objects');
  }
  return { members, filename: folder ? downloadFilename(folder) : bucket };
}

async function addFolder(
  store: ObjectStore,
  bucket: string,
  prefix: string,
  base: string,
  members: ZipMember[],
) {
  for await (const page of store.listAll(bucket, prefix)) {
    for (const o of page) {
      // The folder's own marker is the zip itself.
      if (o.key === base) continue;
      members.push(member(o.key, base, o.lastModified, o.size));
    }
  }
}

function member(key: string, base: string, lastModified: string | null, size = 0): ZipMember {
  const name = key.slice(base.length);
  const directory = name.endsWith('/');
  const problem = nameProblem(name) ?? (directory && size > 0 ? 'holds bytes' : undefined);
  if (problem) {
    throw new HttpError(
      'BadRequest',
      `The object "${key}" cannot be a zip member: its name ${problem}`,
    );
  }
  const time = lastModified ? new Date(lastModified) : new Date();
  return { key, name, directory, size, lastModified: time };
}

/**
 * Why a key cannot be a member's name as it is, or undefined. Refused rather than renamed or
 * skipped, so a zip never silently differs from the folder: names an extractor would place
 * outside its target (a leading "/", a drive letter, a ".." segment) and backslashes (the zip
 * library turns them into "/", another name).
 */
export function nameProblem(name: string): string | undefined {
  if (name === '' || name === '/') return 'is empty';
  if (name.startsWith('/')) return 'starts with "/"';
  if (/^[a-zA-Z]:/.test(name)) return 'starts with a drive letter';
  if (name.includes('\\')) return 'contains a backslash';
  if (name.split('/').includes('..')) return 'has a ".." segment';
  return undefined;
}

/** The one folder every item of a selection is in ("" for the bucket's root). */
function oneParent(items: string[]): string {
  const parents = new Set(items.map(parentOf));
  if (parents.size !== 1) {
    throw new HttpError(
      'BadRequest',
      'A zip selection is in one folder: every key and prefix must have the same parent',
    );
  }
  return [...parents][0]!;
}

/** "cur/x.txt" and "cur/f/" → "cur/"; "x.txt" → "". */
export function parentOf(item: string): string {
  const trimmed = item.endsWith('/') ? item.slice(0, -1) : item;
  return trimmed.slice(0, trimmed.lastIndexOf('/') + 1);
}
