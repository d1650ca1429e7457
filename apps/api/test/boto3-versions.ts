import { runBoto3 } from './boto3-script.js';

/** Runs test/boto3/versions.py against the suite's store (another S3 user) and parses it. */
const boto3 = <T>(...args: string[]): T => runBoto3<T>('versions.py', ...args);

export interface Boto3Version {
  versionId: string;
  size: number;
  isLatest: boolean;
  isDeleteMarker: boolean;
}

/** A new version of `key` written by boto3: its version id. */
export const boto3Put = (
  bucket: string,
  key: string,
  body: string,
  metadata: Record<string, string> = {},
  tagging = '',
) =>
  boto3<{ versionId: string }>('put', bucket, key, body, JSON.stringify(metadata), tagging)
    .versionId;

/** Every version and delete marker of exactly `key`, as boto3 lists them, newest first. */
export const boto3Versions = (bucket: string, key: string) =>
  boto3<Boto3Version[]>('versions', bucket, key);

export const boto3Tags = (bucket: string, key: string, versionId: string) =>
  boto3<Record<string, string>>('tags', bucket, key, versionId);

export const boto3Versioning = (bucket: string) =>
  boto3<{ status: string | null }>('versioning', bucket).status;

export const boto3Delete = (bucket: string, key: string) =>
  boto3<{ deleteMarker: boolean; versionId: string | null }>('delete', bucket, key);
