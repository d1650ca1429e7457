import {
  multipartCompletePath,
  multipartAbortPath,
  multipartPath,
  multipartPartsPath,
  type CreateMultipartBody,
  type CreateMultipartResponse,
  type ListPartsResponse,
  type Metadata,
  type UploadPartResponse,
} from '@stowage/shared';
import { apiDelete, apiGet, apiPost, apiUpload, ApiRequestError } from '@/lib/api-client';
import { partMd5 } from './md5';
import { missingParts, planParts, type PlannedPart } from './plan';
import {
  deleteRecord,
  findResumable,
  listRecords,
  putRecord,
  type ResumeRecord,
} from './resume-store';
import { abortError, sleep, withRetry } from './retry';

export type MultipartInput = {
  bucket: string;
  key: string;
  file: File;
  contentType?: string | undefined;
  metadata?: Metadata | undefined;
  /** Parts in flight at once. */
  concurrency: number;
  onProgress: (loaded: number) => void;
  /** Told once the upload is known: resumed (with the bytes already stored) or new. */
  onStart?: (info: { uploadId: string; resumedBytes: number; transport: 'relay' }) => void;
  signal: AbortSignal;
};

/** Network failures, server errors and throttling are worth another attempt; 4xx are not. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiRequestError)) return false;
  return error.status === 0 || error.status === 429 || error.status >= 500;
}

/** Resolves when the browser is online again (at once if it is). */
function whenOnline(signal: AbortSignal): Promise<void> {
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
async function resumeFrom(
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

/**
 * One file as an S3 multipart upload through the API (relay transport): create (or resume a
 * stored one after checking ListParts), send the missing parts `concurrency` at a time — each
 * with its Content-MD5, each retried alone with backoff, waiting while offline — then complete.
 * Aborting `signal` pauses: parts sent stay on the store and in IndexedDB.
 */
export async function uploadMultipart(input: MultipartInput): Promise<unknown> {
  const { bucket, key, file, signal } = input;
  const stored = findResumable(await listRecords(), bucket, key, file);
  let resumed = stored ? await resumeFrom(stored) : undefined;
  if (signal.aborted) throw abortError();

  let record: ResumeRecord;
  let listed: ListPartsResponse['parts'] = [];
  if (resumed) {
    ({ record, listed } = resumed);
  } else {
    const body: CreateMultipartBody = { key, size: file.size };
    if (input.contentType) body.contentType = input.contentType;
    if (input.metadata && Object.keys(input.metadata).length > 0) body.metadata = input.metadata;
    const created = await apiPost<CreateMultipartResponse>(multipartPath(bucket), body);
    record = {
      uploadId: created.uploadId,
      bucket,
      key,
      fileName: file.name,
      size: file.size,
      lastModified: file.lastModified,
      partSize: created.partSize,
      partsDone: [],
      contentType: input.contentType,
      createdAt: Date.now(),
    };
    await putRecord(record);
  }
  resumed = undefined;

  const plan = planParts(file.size, record.partSize);
  const todo = missingParts(plan, listed);
  const etags = new Map<number, string>();
  const todoNumbers = new Set(todo.map((p) => p.n));
  for (const part of listed) if (!todoNumbers.has(part.n)) etags.set(part.n, part.etag);
  let doneBytes = plan.filter((p) => etags.has(p.n)).reduce((sum, p) => sum + p.end - p.start, 0);
  input.onStart?.({ uploadId: record.uploadId, resumedBytes: doneBytes, transport: 'relay' });
  const inFlight = new Map<number, number>();
  const report = () => {
    let loaded = doneBytes;
    for (const bytes of inFlight.values()) loaded += bytes;
    input.onProgress(Math.min(file.size, loaded));
  };
  report();

  // A failing part stops the others (the transfer fails as one; Retry resumes it).
  const local = new AbortController();
  const onOuterAbort = () => {
    local.abort();
  };
  signal.addEventListener('abort', onOuterAbort, { once: true });

  const sendPart = async (part: PlannedPart) => {
    const blob = file.slice(part.start, part.end);
    const md5 = await partMd5(blob);
    const answer = await withRetry(
      async () => {
        await whenOnline(local.signal);
        inFlight.set(part.n, 0);
        try {
          return await apiUpload<UploadPartResponse>(
            multipartPartsPath(bucket, record.uploadId, key, part.n),
            blob,
            {
              method: 'PUT',
              headers: { 'Content-Type': 'application/octet-stream', 'Content-MD5': md5 },
              signal: local.signal,
              onProgress: ({ loaded }) => {
                inFlight.set(part.n, Math.min(loaded, part.end - part.start));
                report();
              },
            },
          );
        } finally {
          inFlight.delete(part.n);
        }
      },
      // A dropped connection is not the part's fault: wait for the network, then retry.
      {
        signal: local.signal,
        retryable: isRetryable,
        wait: async (ms, s) => {
          await sleep(ms, s);
          await whenOnline(s);
        },
      },
    );
    etags.set(part.n, answer.etag);
    doneBytes += part.end - part.start;
    report();
    record = { ...record, partsDone: [...etags.keys()].sort((a, b) => a - b) };
    await putRecord(record);
  };

  try {
    const queue = [...todo];
    const workers = Array.from(
      { length: Math.max(1, Math.min(input.concurrency, queue.length)) },
      async () => {
        for (let part = queue.shift(); part; part = queue.shift()) {
          if (local.signal.aborted) throw abortError();
          await sendPart(part);
        }
      },
    );
    const results = await Promise.allSettled(workers);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) {
      local.abort();
      throw failed.reason;
    }
  } catch (error) {
    local.abort();
    if (signal.aborted) throw abortError();
    throw error;
  } finally {
    signal.removeEventListener('abort', onOuterAbort);
  }

  const parts = [...etags.entries()].sort((a, b) => a[0] - b[0]).map(([n, etag]) => ({ n, etag }));
  const details = await apiPost<unknown>(multipartCompletePath(bucket, record.uploadId, key), {
    parts,
  });
  await deleteRecord(record.uploadId);
  return details;
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
