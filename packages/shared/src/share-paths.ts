/**
 * Share link URLs and the one rule for a dropped file's name. No zod here: the public link
 * page (no sign-in) imports these before zod loads.
 */
import { bucketPath } from './api-paths.js';

/** Public link URLs start here: `/s/<token>` (served without a session). */
export const PUBLIC_LINK_PREFIX = '/s/';

/** `POST`: a download link to one object. */
export const sharePath = (bucket: string) => `${bucketPath(bucket)}/share`;
/** `POST`: an upload link to one folder. */
export const uploadLinksPath = (bucket: string) => `${bucketPath(bucket)}/upload-links`;
/** `GET`: the bucket's links made through Stowage. */
export const linksPath = (bucket: string) => `${bucketPath(bucket)}/links`;
/** `DELETE`: revoke one link. */
export const linkPath = (bucket: string, id: string) =>
  `${linksPath(bucket)}/${encodeURIComponent(id)}`;

/** `GET`: the object (download link) or the drop page (upload link). */
export const publicLinkPath = (token: string) => `${PUBLIC_LINK_PREFIX}${token}`;
/** `GET`: what the public page may show (PublicLinkInfo). */
export const publicLinkInfoPath = (token: string) => `${publicLinkPath(token)}/info`;
/** `POST`: the password of a protected download link. */
export const publicLinkUnlockPath = (token: string) => `${publicLinkPath(token)}/unlock`;
/** `POST`: one file through an upload link (multipart/form-data, like the signed-in upload). */
export const publicLinkUploadUrl = (token: string, name: string) =>
  `${publicLinkPath(token)}/upload?name=${encodeURIComponent(name)}`;

/**
 * Why a dropped file's name is refused, or undefined: it stays inside the link's folder.
 * Refused: a leading "/", an empty, "." or ".." segment (so no "../x" and no "a//b"), a trailing
 * "/", a "\" (a Windows path), and control characters.
 */
export function linkUploadNameProblem(name: string): string | undefined {
  if (name === '') return 'The file name is empty';
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[\x00-\x1f\x7f]/.test(name)) return 'The file name has control characters';
  if (name.includes('\\')) return 'The file name has a "\\"';
  if (name.startsWith('/')) return 'The file name starts with "/"';
  if (name.endsWith('/')) return 'The file name ends with "/" (a folder, not a file)';
  for (const segment of name.split('/')) {
    if (segment === '') return 'The file name has an empty folder ("//")';
    if (segment === '.' || segment === '..') return `The file name has a "${segment}" folder`;
  }
  return undefined;
}
