import { Readable } from 'node:stream';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import type { DownloadReadSettings } from '../config/env-schema.js';
import type { BufferBudget } from '../upload/buffer-budget.js';
import type { S3Context } from './s3-context.js';

/**
 * How a whole-object download of a large object is read from the store: as boto3's
 * download_file does, in ranges read concurrently, sent to the client in order
 * (STOWAGE_DOWNLOAD_PART_MIB, STOWAGE_DOWNLOAD_PARTS, STOWAGE_DOWNLOAD_PARALLEL_MIN_MIB).
 */
export interface ParallelReads extends DownloadReadSettings {
  /**
   * The memory they draw from: the upload buffer budget (upload/buffer-budget.ts). A download
   * holds at most (parts + 1) × partBytes; it takes that only when it is free at once (never
   * waits, never makes an upload wait) and is otherwise read with one plain GET.
   */
  budget: BufferBudget;
}

/** What a download holds at most: the parts in flight and the one being sent. */
export const parallelReadBytes = (p: ParallelReads) => (p.parts + 1) * p.partBytes;

interface Part {
  chunks: Buffer[];
  done: Promise<void>;
}

/**
 * The body of a download read in ranges: the first part comes from the plain GET already
 * answered (`first`, cut after partBytes), the others from ranged GETs with `If-Match` of
 * that answer's ETag (and its versionId, if one was asked for), so an object overwritten
 * mid-download fails the next part (412) instead of mixing versions. Any failure of the store,
 * a short part or a changed object destroys the body: the response is cut, never a wrong byte.
 * Destroying it (the client went away) aborts every GET in flight.
 */
export class ParallelBody extends Readable {
  readonly #ctx: S3Context;
  readonly #req: { bucket: string; key: string; versionId: string | undefined; etag: string };
  readonly #size: number;
  readonly #p: ParallelReads;
  readonly #count: number;
  readonly #abort = new AbortController();
  readonly #parts = new Map<number, Part>();
  readonly #release: () => void;
  #first: Readable | undefined;
  #firstLeft: number;
  /** The part being sent (0: the first GET's stream). */
  #sending = 0;
  #nextToStart = 1;
  #pushing = false;

  constructor(
    ctx: S3Context,
    req: { bucket: string; key: string; versionId: string | undefined; etag: string },
    first: Readable,
    size: number,
    p: ParallelReads,
    release: () => void,
  ) {
    super({ highWaterMark: 256 * 1024 });
    this.#ctx = ctx;
    this.#req = req;
    this.#size = size;
    this.#p = p;
    this.#count = Math.ceil(size / p.partBytes);
    this.#release = release;
    this.#first = first;
    this.#firstLeft = Math.min(size, p.partBytes);
    first.on('data', (chunk: Buffer) => this.#fromFirst(chunk));
    first.on('error', (err) => this.destroy(err));
    first.on('end', () => {
      if (this.#firstLeft > 0) this.destroy(new Error('The store ended the object early'));
    });
    first.pause();
    this.#fill();
  }

  /** Starts ranged GETs until `parts` are in flight or ready (beyond the one being sent). */
  #fill(): void {
    while (
      this.#nextToStart < this.#count &&
      this.#nextToStart <= this.#sending + this.#p.parts &&
      !this.destroyed
    ) {
      const i = this.#nextToStart++;
      this.#parts.set(i, this.#fetch(i));
    }
  }

  #fetch(i: number): Part {
    const start = i * this.#p.partBytes;
    const end = Math.min(this.#size, start + this.#p.partBytes) - 1;
    const chunks: Buffer[] = [];
    const done = (async () => {
      const out = await this.#ctx.send(
        new GetObjectCommand({
          Bucket: this.#req.bucket,
          Key: this.#req.key,
          VersionId: this.#req.versionId,
          Range: `bytes=${start}-${end}`,
          IfMatch: this.#req.etag,
        }),
        { abortSignal: this.#abort.signal },
      );
      const body = out.Body as Readable;
      if (this.destroyed) {
        body.destroy();
        return;
      }
      // A store that ignores If-Match (s3rver) still names what it sent.
      if (out.ETag !== this.#req.etag) {
        body.destroy();
        throw new Error(`${this.#req.key} changed in the store during the download`);
      }
      const onAbort = () => body.destroy();
      this.#abort.signal.addEventListener('abort', onAbort, { once: true });
      let got = 0;
      try {
        for await (const chunk of body) {
          chunks.push(chunk as Buffer);
          got += (chunk as Buffer).length;
        }
      } finally {
        this.#abort.signal.removeEventListener('abort', onAbort);
      }
      if (got !== end - start + 1) {
        throw new Error(`The store sent ${got} bytes for bytes ${start}-${end}`);
      }
    })();
    // Failures are taken up when the part's turn comes, or destroy the body at once.
    done.catch((err: unknown) => this.destroy(err as Error));
    return { chunks, done };
  }

  #fromFirst(chunk: Buffer): void {
    if (this.#sending !== 0 || this.destroyed) return;
    const take = Math.min(chunk.length, this.#firstLeft);
    this.#firstLeft -= take;
    const more = this.push(take === chunk.length ? chunk : chunk.subarray(0, take));
    if (this.#firstLeft === 0) {
      this.#first?.destroy();
      this.#first = undefined;
      this.#next();
    } else if (!more) {
      this.#first?.pause();
    }
  }

  /** The first part is sent: on to the ranged ones. */
  #next(): void {
    this.#sending++;
    this.#fill();
    if (this.#sending >= this.#count) this.push(null);
    else void this.#sendParts();
  }

  override _read(): void {
    if (this.#sending === 0) this.#first?.resume();
    else void this.#sendParts();
  }

  /** Pushes the current part's chunks once it is complete; then the next, while the reader wants more. */
  async #sendParts(): Promise<void> {
    if (this.#pushing) return;
    this.#pushing = true;
    try {
      while (!this.destroyed && this.#sending < this.#count) {
        const part = this.#parts.get(this.#sending)!;
        await part.done;
        if (this.destroyed) return;
        let more = true;
        while (part.chunks.length > 0 && more) more = this.push(part.chunks.shift());
        if (part.chunks.length > 0) return; // _read calls again when the reader wants more
        this.#parts.delete(this.#sending);
        this.#sending++;
        this.#fill();
        if (this.#sending >= this.#count) this.push(null);
        if (!more) return;
      }
    } catch {
      // destroy() has been called with the reason (the catch in #fetch)
    } finally {
      this.#pushing = false;
    }
  }

  override _destroy(err: Error | null, callback: (error?: Error | null) => void): void {
    this.#abort.abort();
    this.#first?.destroy();
    this.#first = undefined;
    this.#parts.clear();
    this.#release();
    callback(err);
  }
}
