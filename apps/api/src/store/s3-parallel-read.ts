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

/** What a download holds at most: the parts read ahead and the one being sent. */
export const parallelReadBytes = (p: ParallelReads) => (p.parts + 1) * p.partBytes;

/** One range of the object: its store answer, and what has come of it and not been sent. */
interface Part {
  index: number;
  /** Its length in bytes. */
  bytes: number;
  got: number;
  /** Arrived, not yet sent: only while it waits for its turn, or the client is slow. */
  chunks: Buffer[];
  body: Readable | undefined;
  /** Every byte of it has arrived. */
  whole: boolean;
}

type Req = { bucket: string; key: string; versionId: string | undefined; etag: string };

/**
 * The body of a download read in ranges: the first part comes from the plain GET already
 * answered (`first`, cut after partBytes), the others from ranged GETs with `If-Match` of
 * that answer's ETag (and its versionId, if one was asked for), so an object overwritten
 * mid-download fails the next part (412) instead of mixing versions.
 *
 * The part being sent is streamed: its bytes go to the client as they arrive, its store
 * stream paused while the client is slow (socket backpressure). The next `parts` parts are
 * read ahead at the same time, each kept as it arrives (at most partBytes each) until its
 * turn. Any failure of the store, a short part or a changed object destroys the body: the
 * response is cut, never a wrong byte. Destroying it (the client went away) aborts every GET.
 */
export class ParallelBody extends Readable {
  readonly #ctx: S3Context;
  readonly #req: Req;
  readonly #size: number;
  readonly #p: ParallelReads;
  readonly #count: number;
  readonly #abort = new AbortController();
  readonly #parts = new Map<number, Part>();
  readonly #release: () => void;
  /** The part being sent. */
  #sending = 0;
  #nextToStart = 1;
  /** The reader asked for more and has not said stop since (push() returned false). */
  #wanted = false;
  #ended = false;

  constructor(
    ctx: S3Context,
    req: Req,
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
    const part = this.#part(0);
    this.#parts.set(0, part);
    this.#attach(part, first);
    first.pause();
    this.#fill();
  }

  #part(index: number): Part {
    const start = index * this.#p.partBytes;
    const bytes = Math.min(this.#size, start + this.#p.partBytes) - start;
    return { index, bytes, got: 0, chunks: [], body: undefined, whole: false };
  }

  /** Starts ranged GETs until `parts` are read ahead of the one being sent. */
  #fill(): void {
    while (
      this.#nextToStart < this.#count &&
      this.#nextToStart <= this.#sending + this.#p.parts &&
      !this.destroyed
    ) {
      const part = this.#part(this.#nextToStart++);
      this.#parts.set(part.index, part);
      this.#fetch(part).catch((err: unknown) => this.destroy(err as Error));
    }
  }

  async #fetch(part: Part): Promise<void> {
    const start = part.index * this.#p.partBytes;
    const out = await this.#ctx.send(
      new GetObjectCommand({
        Bucket: this.#req.bucket,
        Key: this.#req.key,
        VersionId: this.#req.versionId,
        Range: `bytes=${start}-${start + part.bytes - 1}`,
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
    this.#attach(part, body);
    if (part.index === this.#sending) this.#pump();
  }

  /** Takes a part's bytes from its store stream, up to its length (the first GET is cut there). */
  #attach(part: Part, body: Readable): void {
    part.body = body;
    const first = part.index === 0;
    body.on('data', (chunk: Buffer) => {
      if (part.whole || this.destroyed) return;
      const take = Math.min(chunk.length, part.bytes - part.got);
      part.got += take;
      part.chunks.push(take === chunk.length ? chunk : chunk.subarray(0, take));
      if (part.got === part.bytes) {
        part.whole = true;
        if (first) body.destroy(); // the rest of the object comes from the ranged GETs
      }
      if (part.index === this.#sending) this.#pump();
    });
    body.on('error', (err) => {
      if (!part.whole) this.destroy(err);
    });
    body.on('end', () => {
      if (part.whole || this.destroyed) return;
      const start = part.index * this.#p.partBytes;
      this.destroy(
        first
          ? new Error('The store ended the object early')
          : new Error(
              `The store sent ${part.got} bytes for bytes ${start}-${start + part.bytes - 1}`,
            ),
      );
    });
  }

  /**
   * Sends what has arrived of the current part while the reader wants more; when the part is
   * whole, moves on to the next (starting one more read ahead). Pauses the current part's
   * store stream while the reader does not want more, resumes it when it does.
   */
  #pump(): void {
    while (!this.destroyed && this.#sending < this.#count) {
      const part = this.#parts.get(this.#sending)!;
      while (part.chunks.length > 0 && this.#wanted) this.#wanted = this.push(part.chunks.shift());
      if (part.chunks.length > 0 || !part.whole) {
        if (this.#wanted) part.body?.resume();
        else part.body?.pause();
        return;
      }
      this.#parts.delete(this.#sending);
      this.#sending++;
      this.#fill();
    }
    if (this.#sending >= this.#count && !this.#ended && !this.destroyed) {
      this.#ended = true;
      this.push(null);
    }
  }

  override _read(): void {
    this.#wanted = true;
    this.#pump();
  }

  override _destroy(err: Error | null, callback: (error?: Error | null) => void): void {
    this.#abort.abort();
    for (const part of this.#parts.values()) part.body?.destroy();
    this.#parts.clear();
    this.#release();
    callback(err);
  }
}
