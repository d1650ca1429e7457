import fp from 'fastify-plugin';

/** An upload the process holds (store/s3-upload.ts streaming it to the store) and how to stop it. */
interface HeldUpload {
  /** Fails the upload's body: the upload stops and sends AbortMultipartUpload. */
  cancel: (reason: Error) => void;
  /** Settles once the upload has ended (its abort sent, when it was cancelled). */
  ended: Promise<void>;
}

/**
 * A graceful restart (server.ts on SIGTERM): once `begin` is called the instance reports
 * not-ready (`GET /api/ready` 503) and answers every request with `Connection: close`, so a
 * proxy's keep-alive connections end and it sends new requests elsewhere. The uploads it still
 * holds when the drain time is over are cancelled with `abortHeld`: their multipart uploads are
 * aborted before the process exits, so no orphan parts stay in the store.
 */
export class Drain {
  #draining = false;
  readonly #held = new Set<HeldUpload>();

  get draining(): boolean {
    return this.#draining;
  }

  begin(): void {
    this.#draining = true;
  }

  /** Uploads held right now (for the log and tests). */
  get heldUploads(): number {
    return this.#held.size;
  }

  /**
   * Registers an upload in flight; call the returned function once it ended, whatever the
   * outcome (upload/upload-from-form.ts does it in its `finally`).
   */
  hold(cancel: (reason: Error) => void): () => void {
    let end!: () => void;
    const entry: HeldUpload = { cancel, ended: new Promise<void>((r) => (end = r)) };
    this.#held.add(entry);
    return () => {
      this.#held.delete(entry);
      end();
    };
  }

  /**
   * Cancels every held upload and waits (up to `waitMs`) until each has ended — the upload
   * sends AbortMultipartUpload before it rejects. Resolves to the number cancelled.
   */
  async abortHeld(reason: Error, waitMs: number): Promise<number> {
    const held = [...this.#held];
    for (const upload of held) upload.cancel(reason);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(held.map((u) => u.ended)),
      new Promise((r) => (timer = setTimeout(r, waitMs))),
    ]);
    clearTimeout(timer);
    return held.length;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The graceful restart's state (plugins/app/drain.ts). */
    drain: Drain;
  }
}

/** Decorates `app.drain`; while draining, every answer says `Connection: close`. */
export default fp<{ drain: Drain }>(
  (app, opts, done) => {
    const { drain } = opts;
    app.decorate('drain', drain);
    // Synchronous: an async hook costs a promise and a turn of the microtask queue per request.
    app.addHook('onRequest', (_request, reply, next) => {
      if (drain.draining) reply.header('connection', 'close');
      next();
    });
    done();
  },
  { name: 'drain' },
);
