import { Transform, type Readable } from 'node:stream';
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
 * Passes a file part on to the store (`pipe`: the stream library's backpressure), and fails
 * instead of ending short: when busboy cut the file at the size limit (`limit` — a truncated
 * file would otherwise be stored as if whole), when the client went away (the part errors),
 * or when the form goes wrong after the file. The body ends only once `formEnd` resolves — the
 * closing boundary arrived with nothing after the file — so no object is completed before
 * then. (Not `stream.pipeline`: on a failure it would destroy the part, and the rest of the
 * part must be read to nowhere so the request keeps flowing and the answer can go out.)
 */
export function fileBody(
  file: FilePartStream,
  formEnd: Promise<void>,
  errors: { tooLarge: () => HttpError; broken: (err: unknown) => HttpError },
  /** Checked here too: a limit lowered after busboy started (upload-from-form.ts `admit`). */
  maxBytes = Infinity,
): FileBody {
  let bytes = 0;
  let failed = false;
  const body = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes <= maxBytes) return done(null, chunk);
      done();
      fail(errors.tooLarge());
    },
  });
  // Its failure reaches the store's reader, or nobody when the store refused first.
  body.on('error', () => {});
  // Settled later (or never read, when the store fails first): never an unhandled rejection.
  formEnd.catch(() => {});

  const fail = (err: Error) => {
    if (failed) return;
    failed = true;
    file.unpipe(body);
    file.resume();
    body.destroy(err);
  };

  file.pipe(body, { end: false });
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
