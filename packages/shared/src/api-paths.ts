/**
 * The API URLs of the app's first screens, built in one place. The API serves the page with
 * a preload (Link header) of the very URLs the app will ask for, and the browser only hands
 * a preloaded answer to a request whose URL is byte-identical. No zod here: the web app's
 * first screen imports these.
 */

/** One S3 page (S3's own maximum): the app's page size and the API's cap on `limit`. */
export const OBJECTS_PAGE_SIZE = 1000;

export const SESSION_PATH = '/api/session';
/** Every session of the signed-in user (DELETE: sign out everywhere). */
export const SESSIONS_PATH = '/api/sessions';
export const BUCKETS_PATH = '/api/buckets';

/** `/api/buckets/:bucket` with the bucket as one encoded path segment. */
export function bucketPath(bucket: string): string {
  return `${BUCKETS_PATH}/${encodeURIComponent(bucket)}`;
}

/**
 * One page of a folder: its objects and subfolders ("/" delimiter), after `cursor` if given;
 * `deleted` (the app's "Show deleted", `?deleted=1` in its URL) adds the deleted keys.
 */
export function folderPageUrl(
  bucket: string,
  prefix: string,
  cursor?: string,
  options: { deleted?: boolean; startAfter?: string | undefined } = {},
): string {
  const query = [
    `prefix=${encodeURIComponent(prefix)}`,
    'delimiter=%2F',
    ...(cursor ? [`cursor=${encodeURIComponent(cursor)}`] : []),
    ...(!cursor && options.startAfter
      ? [`startAfter=${encodeURIComponent(options.startAfter)}`]
      : []),
    `limit=${OBJECTS_PAGE_SIZE}`,
    ...(options.deleted ? ['deleted=1'] : []),
  ];
  return `${bucketPath(bucket)}/objects?${query.join('&')}`;
}

/** `POST`: a selection in one folder as one zip (JSON, or the form field ZIP_SELECTION_FIELD). */
export function zipPath(bucket: string): string {
  return `${bucketPath(bucket)}/zip`;
}

/** `GET`: a folder (`prefix` ends in "/") as one zip, members named relative to it. */
export function folderZipUrl(bucket: string, prefix: string): string {
  return `${zipPath(bucket)}?prefix=${encodeURIComponent(prefix)}`;
}
