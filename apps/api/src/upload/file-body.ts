import { PassThrough, type Readable } from 'node:stream';
import type { HttpError } from '../errors.js';

/** The busboy file stream: it ends early, with `truncated`, when the size limit cuts it. */
export interface FilePartStream extends Readable {
  truncated?: boolean;
}

export interface FileBody {
  /** What the store reads. It fails, aborting the upload, on any of the failures below. */
  body: Readable;
  /** Bytes passed on so far. */
  bytes(): number;
  /** Fails the body and reads the rest of the part to nowhere, so the request keeps flowing. */
  fail(err: Error): void;
}

/**
 * Passes a file part on to the store with backpressure, and fails instead of ending short:
 * when busboy cut the file at the size limit (`limit` — a truncated file would otherwise
 * be stored as if whole), when the client went away (the part errors), or when the form
 * goes wrong after the file. The body ends only once `formEnd` resolves — the closing
 * boundary arrived with nothing after the file — so no object is completed before then.
 */
export function fileBody(
  file: FilePartStream,
  formEnd: Promise<void>,
  errors: { tooLarge: () => HttpError; broken: (err: unknown) => HttpError },
): FileBody {
  const body = new PassThrough();
  // Its failure reaches the store's reader, or nobody when the store refused first.
  body.on('error', () => {});
  let bytes = 0;
  let failed = false;
  // Settled later (or never read, when the store fails first): never an unhandled rejection.
  formEnd.catch(() => {});

  const onData = (chunk: Buffer) => {
    bytes += chunk.length;
    if (!body.write(chunk)) file.pause();
  };
  const fail = (err: Error) => {
    if (failed) return;
    failed = true;
    file.off('data', onData);
    file.resume();
    body.destroy(err);
  };

  file.on('data', onData);
  body.on('drain', () => {
    if (!failed) file.resume();
  });
  file.on('limit', () => fail(errors.tooLarge()));
  file.on('error', (err) => fail(errors.broken(err)));
  file.on('end', () => {
    if (file.truncated) return fail(errors.tooLarge());
    formEnd.then(() => {
      if (!failed) body.end();
    }, fail);
  });
  return { body, bytes: () => bytes, fail };
}
