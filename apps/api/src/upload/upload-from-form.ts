import type { ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { MultipartFile } from '@fastify/multipart';
import type { UploadFields, UploadResponse } from '@stowage/shared';
import { notApplied } from '../errors.js';
import { holdBody } from '../plugins/app/body-watchdog.js';
import type { ObjectStore } from '../store/object-store.js';
import type { BufferBudget } from './buffer-budget.js';
import { fileBody, type FileBody } from './file-body.js';
import {
  drainForm,
  expectFormEnd,
  formError,
  parseFields,
  readFieldsThenFile,
  tooLarge,
} from './read-upload-form.js';

export interface UploadTarget {
  bucket: string;
  key: string;
  maxBytes: number;
  /** Shared by every upload of the process: memory does not grow with concurrency. */
  budget: BufferBudget;
  /**
   * Called once the fields are read, before the file reaches the store: may refuse by throwing
   * (nothing is stored, the form is drained). An upload link's total limit reserves the file's
   * share here (routes/public/upload-through-link.ts). `maxBytes` lowers the file's limit for
   * this upload; `settle` runs once the upload ended, with the stored size or undefined.
   */
  admit?: (fields: UploadFields) => Promise<Admission>;
}

export interface Admission {
  maxBytes?: number | undefined;
  settle?: ((storedBytes: number | undefined) => Promise<void>) | undefined;
}

/** A header value Node sends as is. */
const HEADER_VALUE = /^[\x20-\x7e]+$/;

/** The contentType field wins; without it, the type the client gave the file part. */
function contentTypeOf(fields: UploadFields, file: MultipartFile): string | undefined {
  if (fields.contentType !== undefined) return fields.contentType?.trim() || undefined;
  return HEADER_VALUE.test(file.mimetype) ? file.mimetype : undefined;
}

/**
 * Aborts when the client goes away before its answer is sent: the response closes unfinished
 * (Node closes it with its socket). Not the request's 'close': on Node 20 an IncomingMessage
 * also emits 'close' once its body has been read to the end, so a small upload whose whole
 * form was read while it waited for the budget gave up its place and answered 500.
 */
function departure(res: ServerResponse): { signal: AbortSignal; stop: () => void } {
  const left = new AbortController();
  const onClose = () => {
    if (!res.writableFinished) left.abort(new Error('The client closed the connection'));
  };
  if (res.destroyed) onClose();
  res.on('close', onClose);
  return { signal: left.signal, stop: () => res.off('close', onClose) };
}

/**
 * An upload form, streamed from the request into the store: fields first, then one file,
 * passed on as it arrives. Whatever fails — a bad field, the size limit, the client leaving —
 * the store's upload is aborted, the rest of the request is read to nowhere, and then the
 * answer says what went wrong. Nothing is buffered beyond the store's parts in flight.
 */
export async function uploadFromForm(
  request: FastifyRequest,
  reply: FastifyReply,
  store: ObjectStore,
  target: UploadTarget,
): Promise<UploadResponse> {
  const { bucket, key, budget } = target;
  let maxBytes = target.maxBytes;
  // The limit is busboy's too (the plugin's default is the server's largest upload).
  const parts = request.parts({ limits: { fileSize: maxBytes } });
  let admission: Admission | undefined;
  let stored: number | undefined;
  let file: MultipartFile | undefined;
  let body: FileBody | undefined;
  let release: (() => void) | undefined;
  let unhold: (() => void) | undefined;
  // A client that leaves while its upload waits for the budget gives up its place.
  const left = departure(reply.raw);
  try {
    const form = await readFieldsThenFile(parts, maxBytes);
    file = form.file;
    const fields = parseFields(form.raw);
    if (fields.size !== undefined && fields.size > maxBytes) throw tooLarge(maxBytes);
    if (target.admit) {
      admission = await target.admit(fields);
      if (admission.maxBytes !== undefined) maxBytes = Math.min(maxBytes, admission.maxBytes);
    }
    const reserve = store.uploadBufferBytes(fields.size, budget.totalBytes);
    // Waiting for the budget, the body is held back on purpose: not the client's stall.
    const endHold = holdBody(request);
    try {
      release = await budget.reserve(reserve, left.signal);
    } finally {
      endHold();
    }
    body = fileBody(
      file.file,
      expectFormEnd(parts, maxBytes),
      { tooLarge: () => tooLarge(maxBytes), broken: (err) => formError(err, maxBytes) },
      maxBytes,
    );
    // A restart whose drain time runs out cancels it (its multipart upload aborted).
    const held = body;
    unhold = request.server.drain.hold((reason) => held.fail(reason));
    const result = await store
      .uploadObject({
        bucket,
        key,
        body: body.body,
        sizeHint: fields.size,
        bufferBudgetBytes: budget.totalBytes,
        contentType: contentTypeOf(fields, file),
        metadata: fields.metadata,
      })
      // Ended (an abort sent, if cancelled): the restart need not wait for the form's rest.
      .finally(() => unhold?.());
    if (result.size !== body.bytes()) {
      throw notApplied(`The store kept ${result.size} bytes of the ${body.bytes()} uploaded`);
    }
    stored = result.size;
    return { key, size: result.size, etag: result.etag };
  } catch (err) {
    // Stop feeding the store if it still reads, and let the rest of the request run out.
    if (body) body.fail(err instanceof Error ? err : new Error(String(err)));
    else file?.file.resume();
    await drainForm(parts);
    request.log.info({ bucket, key, err }, 'upload not stored');
    throw err;
  } finally {
    release?.();
    unhold?.();
    left.stop();
    await admission?.settle?.(stored);
  }
}
