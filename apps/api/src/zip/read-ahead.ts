import { Readable } from 'node:stream';
import type { ObjectContent } from '../store/object-store.js';
import type { ZipMember } from './zip-members.js';

/** A member this small is read whole ahead of its turn, while the members before it stream. */
export const READ_AHEAD_MAX_BYTES = 256 * 1024;
/** How many members ahead: at most this many GetObjects in flight or held, per download. */
export const READ_AHEAD_COUNT = 8;

/**
 * One GetObject per member in turn would make a folder of many small objects as slow as the
 * store's latency times their number (1,000 objects on Ceph RGW here: ~30 s). So the next
 * small members (up to READ_AHEAD_COUNT, each up to READ_AHEAD_MAX_BYTES: 2 MiB per download
 * at most) are fetched and read into memory while the zip streams the one before. Big members
 * are opened at their turn only, streamed: an opened body left unread would idle its store
 * connection into the store's timeout behind a slow client. A body that turns out bigger than
 * listed (replaced since) is held only up to the limit; the rest streams at its turn.
 */
export class ReadAhead {
  readonly #started = new Map<number, Promise<ObjectContent>>();
  #stopped = false;

  constructor(
    private readonly members: ZipMember[],
    private readonly open: (key: string) => Promise<ObjectContent>,
  ) {}

  /** Starts the small members after `index` that are not started yet. */
  fill(index: number): void {
    if (this.#stopped) return;
    const end = Math.min(this.members.length, index + 1 + READ_AHEAD_COUNT);
    for (let j = index + 1; j < end; j++) {
      const m = this.members[j]!;
      if (m.directory || m.size > READ_AHEAD_MAX_BYTES || this.#started.has(j)) continue;
      const read = this.open(m.key).then(held);
      read.catch(() => {}); // answered at its turn (take), or never once stopped
      this.#started.set(j, read);
    }
  }

  /** The member's content if it was read ahead (then forgotten here), else undefined. */
  take(index: number): Promise<ObjectContent> | undefined {
    const read = this.#started.get(index);
    this.#started.delete(index);
    return read;
  }

  /** No more GetObjects; what was read ahead is dropped. */
  stop(): void {
    this.#stopped = true;
    for (const read of this.#started.values())
      void read.then(
        (c) => c.body.destroy(),
        () => {},
      );
    this.#started.clear();
  }
}

/** The content with its body read into memory, up to READ_AHEAD_MAX_BYTES and the rest left. */
async function held(content: ObjectContent): Promise<ObjectContent> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  const body = content.body;
  const reader = body[Symbol.asyncIterator]();
  while (bytes <= READ_AHEAD_MAX_BYTES) {
    const next = (await reader.next()) as IteratorResult<Buffer>;
    if (next.done) return { ...content, body: Readable.from(chunks, { objectMode: false }) };
    chunks.push(next.value);
    bytes += next.value.length;
  }
  async function* rest() {
    try {
      yield* chunks;
      for (let n = await reader.next(); !n.done; n = await reader.next()) yield n.value as Buffer;
    } finally {
      await reader.return?.();
    }
  }
  return { ...content, body: Readable.from(rest(), { objectMode: false }) };
}
