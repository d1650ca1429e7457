import type { ListVersionsQuery, ListVersionsResponse, ObjectVersion } from '@stowage/shared';
import { HttpError } from '../errors.js';
import type { S3Context } from './s3-context.js';

/**
 * An object's history and recovery (issue 19): one key's versions, restore, permanent delete,
 * undelete. Every function first makes sure the store has versioning (501
 * VersioningUnsupported, naming the capability) — TODO(issue 19): implemented by the versions
 * work; these stubs answer 501 until then.
 */

const todo = () =>
  new HttpError(
    'VersioningUnsupported',
    'Versions are not implemented yet (capability: versioning)',
  );

export async function listKeyVersions(
  _ctx: S3Context,
  _bucket: string,
  _query: ListVersionsQuery,
): Promise<ListVersionsResponse> {
  throw todo();
}

export async function restoreVersion(
  _ctx: S3Context,
  _bucket: string,
  _key: string,
  _versionId: string,
): Promise<ObjectVersion> {
  throw todo();
}

export async function deleteVersion(
  _ctx: S3Context,
  _bucket: string,
  _key: string,
  _versionId: string,
): Promise<void> {
  throw todo();
}

export async function undeleteObject(
  _ctx: S3Context,
  _bucket: string,
  _key: string,
): Promise<ObjectVersion> {
  throw todo();
}
