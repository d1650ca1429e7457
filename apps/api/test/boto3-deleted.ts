import { runBoto3 } from './boto3-script.js';

/** Runs test/boto3/deleted_listing.py against the suite's store and parses what it prints. */
const boto3 = <T>(...args: string[]): T => runBoto3<T>('deleted_listing.py', ...args);

export interface Boto3Latest {
  versionId: string;
  deleteMarker: boolean;
  /** How many delete markers the key has. */
  markers: number;
}

/** boto3 switches the bucket's versioning. */
export const boto3Versioning = (bucket: string, status: 'Enabled' | 'Suspended') =>
  boto3<object>('versioning', bucket, status);
/** boto3 writes `count` versions of a key ("BODY 0", "BODY 1"…): their version ids. */
export const boto3PutVersions = (bucket: string, key: string, body: string, count = 1) =>
  boto3<string[]>('put', bucket, key, body, String(count));
/** boto3 deletes a key without a version id (a delete marker on a versioned bucket). */
export const boto3Delete = (bucket: string, key: string) =>
  boto3<{ versionId: string | null; deleteMarker: boolean }>('delete', bucket, key);
/** Each key's latest entry under a prefix, as boto3 reads ListObjectVersions (every page). */
export const boto3Latest = (bucket: string, prefix: string) =>
  boto3<Record<string, Boto3Latest>>('latest', bucket, prefix);
