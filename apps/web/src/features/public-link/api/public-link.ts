import {
  publicLinkInfoPath,
  publicLinkPath,
  publicLinkUnlockPath,
  publicLinkUploadUrl,
  type LinkUploadResponse,
  type PublicLinkInfo,
} from '@stowage/shared';
import { apiGet, apiPost } from '@/lib/api-client';
import { apiUpload, type UploadProgress } from '@/lib/api-upload';

/**
 * The public link page's calls: no session, no cookie but the link's own (a password link
 * unlocked). Only zod-free modules here: this page loads without the app's forms.
 */

/** `GET /s/:token/info`: what the page may show (404 LinkNotFound, 410 LinkExpired). */
export function getLinkInfo(token: string, signal?: AbortSignal): Promise<PublicLinkInfo> {
  return apiGet<PublicLinkInfo>(publicLinkInfoPath(token), signal);
}

/** `POST /s/:token/unlock`: the password; 204 and the link's cookie, 401 WrongPassword, 429. */
export async function unlockLink(token: string, password: string): Promise<void> {
  await apiPost<undefined>(publicLinkUnlockPath(token), { password });
}

/** Starts the download of an unlocked (or open) download link: the server answers an attachment. */
export function startDownload(token: string): void {
  window.location.assign(publicLinkPath(token));
}

/**
 * One file through an upload link, as the signed-in upload sends it: the fields first (the
 * size lets the API size its multipart upload), then the file. `name` is relative to the
 * link's folder ("photos/a.jpg" for a dropped folder).
 */
export function uploadThroughLink(
  token: string,
  name: string,
  file: File,
  options: { onProgress?: (progress: UploadProgress) => void; signal?: AbortSignal } = {},
): Promise<LinkUploadResponse> {
  const form = new FormData();
  if (file.type) form.append('contentType', file.type);
  form.append('size', String(file.size));
  form.append('file', file, name.slice(name.lastIndexOf('/') + 1) || 'file');
  return apiUpload<LinkUploadResponse>(publicLinkUploadUrl(token, name), form, options);
}
