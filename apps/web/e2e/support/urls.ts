/** The app's own URLs (the SPA's routes), as a user would open them. */
import { DEMO_BUCKET } from './demo';

/** Encodes every value fully, so keys with "+", "&", "#" or "%" reach the app intact. */
export function query(params: Record<string, string | undefined>): string {
  const pairs = Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`);
  return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}

/** The SPA route of the demo bucket (the path of every folder's URL). */
export const APP_BUCKET_PATH = `/b/${DEMO_BUCKET}`;

/**
 * The SPA URL of a folder of the demo bucket, optionally with a selected object:
 * `/b/demo?prefix=…&key=…`. (Not the API's `bucketPath` of @stowage/shared.)
 */
export function appFolderUrl(prefix = '', key?: string): string {
  return `${APP_BUCKET_PATH}${query({ prefix, key })}`;
}

/** The SPA URL of a folder of any bucket: `/b/<bucket>?prefix=…`, optionally `&key=…`. */
export function appBucketUrl(bucket: string, prefix = '', key?: string): string {
  return `/b/${encodeURIComponent(bucket)}${query({ prefix, key })}`;
}
