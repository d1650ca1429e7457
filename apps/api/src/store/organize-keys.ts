import type { CopyObjectsBody, RenameBody } from '@stowage/shared';
import { badRequest } from '../errors.js';

/**
 * Plain logic of copy, move and rename (s3-organize.ts): which destination key each source
 * key gets, and which operations are refused before any work. No store here.
 */

/** The last segment of a key or a folder prefix, its trailing "/" kept: `a/b/` → `b/`. */
export function lastSegment(key: string): string {
  const cut = key.lastIndexOf('/', key.length - 2);
  return key.slice(cut + 1);
}

/** A folder this operation lists: every key under `prefix` lands under `target`. */
export interface FolderMapping {
  prefix: string;
  target: string;
}

/** What a body asks for: single keys (source → destination) and folders to list. */
export interface OperationShape {
  keys: { key: string; target: string }[];
  folders: FolderMapping[];
  /** One object to one key, or a selection of one key: its problems are the answer (4xx). */
  single: boolean;
}

/** The source → destination mapping of a body (organize.ts in packages/shared). */
export function shapeOf(body: CopyObjectsBody): OperationShape {
  const to = body.to;
  if ('prefix' in body) {
    if (!('prefix' in to)) {
      throw badRequest('A folder is copied to a prefix ("to.prefix"), not to one key');
    }
    return { keys: [], folders: [{ prefix: body.prefix, target: to.prefix }], single: false };
  }
  if ('key' in to) {
    if (body.keys.length !== 1 || body.prefixes.length > 0) {
      throw badRequest('"to.key" names the destination of exactly one key');
    }
    return { keys: [{ key: body.keys[0]!, target: to.key }], folders: [], single: true };
  }
  return {
    keys: [...new Set(body.keys)].map((key) => ({ key, target: to.prefix + lastSegment(key) })),
    folders: [...new Set(body.prefixes)].map((prefix) => ({
      prefix,
      target: to.prefix + lastSegment(prefix),
    })),
    single: body.keys.length === 1 && body.prefixes.length === 0,
  };
}

/**
 * Folders that cannot go where they are asked to, within one bucket: a move onto itself or
 * into its own subfolder (it would chase its own copies), or a copy onto itself unless each
 * object is kept twice (keepBoth). A copy into its own subfolder works on the listed snapshot.
 */
export function checkFolders(
  folders: readonly FolderMapping[],
  sameBucket: boolean,
  move: boolean,
  keepBoth: boolean,
): void {
  if (!sameBucket) return;
  for (const { prefix, target } of folders) {
    if (move && target.startsWith(prefix)) {
      throw badRequest(
        target === prefix
          ? `The folder ${prefix} cannot be moved onto itself`
          : `The folder ${prefix} cannot be moved into its own subfolder ${target}`,
      );
    }
    if (!move && !keepBoth && target === prefix) {
      throw badRequest(
        `The folder ${prefix} cannot be copied onto itself; choose "keep both" to duplicate it`,
      );
    }
  }
}

/** "N destinations exist: a, b, c and 2 more". */
export function existsMessage(keys: readonly string[]): string {
  const first = keys.slice(0, 3).map((k) => JSON.stringify(k));
  const more = keys.length > 3 ? ` and ${keys.length - 3} more` : '';
  const n = keys.length;
  return `${n} destination${n === 1 ? '' : 's'} already exist${n === 1 ? 's' : ''}: ${first.join(', ')}${more}`;
}

/** Multipart ETags ("…-N") are not a digest of the bytes: then only sizes compare. */
export const isMultipartEtag = (etag: string | null | undefined) => /-\d+"?$/.test(etag ?? '');

/** Rename is a move within the bucket: a folder (`from` ending in "/") to a folder. */
export function renameAsMove(bucket: string, body: RenameBody): CopyObjectsBody {
  const folder = body.from.endsWith('/');
  if (folder !== body.to.endsWith('/')) {
    throw badRequest(
      folder
        ? 'A folder is renamed to a folder: "to" must end with "/"'
        : 'An object is renamed to an object: "to" must not end with "/"',
    );
  }
  if (body.from === body.to) throw badRequest('"from" and "to" are the same name');
  const common = { move: true, conflict: body.conflict };
  return folder
    ? { prefix: body.from, to: { bucket, prefix: body.to }, ...common }
    : { keys: [body.from], prefixes: [], to: { bucket, key: body.to }, ...common };
}

/** A key the operation did not do, and why: reported in the answer's `errors`. */
export class KeyFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'KeyFailure';
  }
}
