/** What uploadMultipart (upload-multipart.ts) leans on: retry rules, resuming, discarding. */
import {
  multipartAbortPath,
  multipartPartsPath,
  MAX_SIGN_PARTS,
  type ListPartsResponse,
} from '@stowage/shared';
import { apiDelete, apiGet, ApiRequestError } from '@/lib/api-client';
import { StorePutError } from './direct-put';
import { deleteRecord, type ResumeRecord, type TransportNote } from './resume-store';
import { abortError } from './retry';

/**
 * Network failures, server errors and throttling are worth another attempt; 4xx are not, but
 * for a store's 403 to a presigned URL (expired: the next attempt signs it again).
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof StorePutError) {
    return (
      error.status === 0 || error.status === 403 || error.status === 429 || error.status >= 500
    );
  }
  if (!(error instanceof ApiRequestError)) return false;
  return error.status === 0 || error.status === 429 || error.status >= 500;
}

/** A presigned URL is signed again when it has less than this left (a part may take minutes). */
export const RESIGN_MARGIN_MS = 10 * 60_000;
/** Part URLs asked for at once: this part and the next ones to send. */
export const SIGN_BATCH = Math.min(20, MAX_SIGN_PARTS);

export const RELAY_NOTE: TransportNote = {
  mode: 'relay',
  message: 'this profile sends parts through the Stowage server',
};

/** Resolves when the browser is online again (at once if it is). */
export function whenOnline(signal: AbortSignal): Promise<void> {
  if (typeof navigator === 'undefined' || navigator.onLine) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = () => {
      window.removeEventListener('online', done);
      signal.removeEventListener('abort', onAbort);
      resolve();
    };
    const onAbort = () => {
      window.removeEventListener('online', done);
      reject(abortError());
    };
    window.addEventListener('online', done);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** The upload a picked file resumes, checked against the store; undefined when none is left. */
export async function resumeFrom(
  record: ResumeRecord,
): Promise<{ record: ResumeRecord; listed: ListPartsResponse['parts'] } | undefined> {
  try {
    const { parts } = await apiGet<ListPartsResponse>(
      multipartPartsPath(record.bucket, record.uploadId, record.key),
    );
    return { record, listed: parts };
  } catch (error) {
    // The store no longer knows the upload (completed, aborted, expired): start anew.
    if (error instanceof ApiRequestError && error.status >= 400 && error.status < 500) {
      await deleteRecord(record.uploadId);
      return undefined;
    }
    throw error;
  }
}

/** Discard: aborts the multipart upload on the store and forgets it. */
export async function discardUpload(record: Pick<ResumeRecord, 'bucket' | 'key' | 'uploadId'>) {
  try {
    await apiDelete(multipartAbortPath(record.bucket, record.uploadId, record.key));
  } catch (error) {
    // Already gone on the store: forgetting it is all that is left.
    if (!(error instanceof ApiRequestError && error.status === 404)) throw error;
  }
  await deleteRecord(record.uploadId);
}
