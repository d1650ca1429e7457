import {
  multipartCompletePath,
  multipartPath,
  multipartPartsPath,
  multipartSignPath,
  type CreateMultipartBody,
  type CreateMultipartResponse,
  type ListPartsResponse,
  type Metadata,
  type SignPartsResponse,
  type UploadPartResponse,
} from '@stowage/shared';
import { apiPost, ApiRequestError } from '@/lib/api-client';
import { apiUpload } from '@/lib/api-upload';
import { putToStore, StorePutError } from './direct-put';
import { partMd5 } from './md5';
import {
  isRetryable,
  RELAY_NOTE,
  RESIGN_MARGIN_MS,
  resumeFrom,
  SIGN_BATCH,
  whenOnline,
} from './multipart-support';
import { missingParts, planParts, type PlannedPart } from './plan';
import {
  deleteRecord,
  findResumable,
  listRecords,
  putRecord,
  type ResumeRecord,
  type TransportNote,
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
  onStart?: (info: { uploadId: string; resumedBytes: number; transport: TransportNote }) => void;
  /** Told when a direct upload falls back to the relay for its remaining parts, and why. */
  onTransportChange?: (transport: TransportNote) => void;
  signal: AbortSignal;
};

/**
 * One file as an S3 multipart upload: create (or resume a stored one after checking ListParts),
 * send the missing parts `concurrency` at a time — each with its Content-MD5, each retried alone
 * with backoff, waiting while offline — then complete through the API. The parts go through the
 * API (relay) or, where the create answer offers it, straight to the store with presigned URLs
 * signed in batches (direct); a direct PUT the page gets no answer to while online (CORS, or no
 * way to the store) sends that part and the rest through the relay.
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
      transport: { mode: created.transport.mode, message: created.transport.message },
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
  let transport: TransportNote = record.transport ?? RELAY_NOTE;
  input.onStart?.({ uploadId: record.uploadId, resumedBytes: doneBytes, transport });
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

  const queue = [...todo];
  /** Presigned part URLs (direct transport) and when they expire. */
  const urls = new Map<number, { url: string; expiresAt: number }>();
  const urlFor = async (n: number): Promise<string> => {
    const now = Date.now();
    const known = urls.get(n);
    if (known && known.expiresAt - now > RESIGN_MARGIN_MS) return known.url;
    // This part and the next ones queued whose URL is missing or near its end: one call.
    const wanted = [n];
    for (const p of queue) {
      if (wanted.length >= SIGN_BATCH) break;
      const u = urls.get(p.n);
      if (!u || u.expiresAt - now <= RESIGN_MARGIN_MS) wanted.push(p.n);
    }
    const signed = await apiPost<SignPartsResponse>(
      multipartSignPath(bucket, record.uploadId, key),
      { parts: wanted },
    );
    const expiresAt = Date.parse(signed.expiresAt);
    for (const u of signed.urls) urls.set(u.n, { url: u.url, expiresAt });
    const url = urls.get(n)?.url;
    if (!url) throw new ApiRequestError(502, `The server signed no URL for part ${n}`);
    return url;
  };
  /** The rest of the upload goes through the relay, and the row says why. */
  const fallBack = (why: string) => {
    if (transport.mode === 'relay') return;
    transport = { mode: 'relay', message: `direct failed (${why}); the rest goes through Stowage` };
    record = { ...record, transport };
    input.onTransportChange?.(transport);
  };

  const sendDirect = async (part: PlannedPart, blob: Blob, md5: string): Promise<string> => {
    let url: string;
    try {
      url = await urlFor(part.n);
    } catch (error) {
      // The server will not sign (the profile changed, SigV2): relay instead.
      if (error instanceof ApiRequestError && error.code === 'DirectUploadUnavailable') {
        fallBack(error.message);
        return sendRelay(part, blob, md5);
      }
      throw error;
    }
    try {
      return await putToStore(url, blob, md5, {
        signal: local.signal,
        onProgress: (loaded) => {
          inFlight.set(part.n, Math.min(loaded, part.end - part.start));
          report();
        },
      });
    } catch (error) {
      if (error instanceof StorePutError && error.status === 403) urls.delete(part.n);
      // No answer the page may read while online: the store's CORS (or the way to it) does
      // not let this page through. Offline, it is a dropped connection: wait and retry.
      const online = typeof navigator === 'undefined' || navigator.onLine;
      if (error instanceof StorePutError && error.status === 0 && online) {
        fallBack(error.message);
        inFlight.set(part.n, 0);
        return sendRelay(part, blob, md5);
      }
      throw error;
    }
  };

  const sendRelay = async (part: PlannedPart, blob: Blob, md5: string): Promise<string> => {
    const answer = await apiUpload<UploadPartResponse>(
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
    return answer.etag;
  };

  // Each part's Content-MD5, started ahead: while a part is sent, the next one waiting is
  // hashed (in the worker), so a slot that frees up need not wait for its hash.
  const hashes = new Map<number, Promise<string>>();
  const md5Of = (part: PlannedPart) => {
    let md5 = hashes.get(part.n);
    if (!md5) {
      md5 = partMd5(file.slice(part.start, part.end));
      md5.catch(() => {}); // awaited (and its failure met) by the part's own send
      hashes.set(part.n, md5);
    }
    return md5;
  };

  // The parts done are written to IndexedDB behind the parts, one write at a time, never
  // holding a part's slot: a resume trusts the store's ListParts, not this list, which only
  // lets the panel say how far an interrupted upload got.
  let saving: Promise<void> = Promise.resolve();
  let saveWanted = false;
  const saveRecord = () => {
    if (saveWanted) return;
    saveWanted = true;
    saving = saving.then(async () => {
      saveWanted = false;
      await putRecord(record).catch(() => {});
    });
  };

  const sendPart = async (part: PlannedPart) => {
    const blob = file.slice(part.start, part.end);
    const md5 = await md5Of(part);
    hashes.delete(part.n);
    const next = queue[0];
    if (next) void md5Of(next);
    const etag = await withRetry(
      async () => {
        await whenOnline(local.signal);
        inFlight.set(part.n, 0);
        try {
          return transport.mode === 'direct'
            ? await sendDirect(part, blob, md5)
            : await sendRelay(part, blob, md5);
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
    etags.set(part.n, etag);
    doneBytes += part.end - part.start;
    report();
    record = { ...record, partsDone: [...etags.keys()].sort((a, b) => a - b) };
    saveRecord();
  };

  try {
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

  await saving;
  const parts = [...etags.entries()].sort((a, b) => a[0] - b[0]).map(([n, etag]) => ({ n, etag }));
  const details = await apiPost<unknown>(multipartCompletePath(bucket, record.uploadId, key), {
    parts,
  });
  await deleteRecord(record.uploadId);
  return details;
}
