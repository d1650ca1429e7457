import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { FastifyBaseLogger } from 'fastify';
import { ZipFile } from 'yazl';
import type { ObjectContent } from '../store/object-store.js';
import type { ZipMember } from './zip-members.js';
import { ReadAhead } from './read-ahead.js';

export interface ZipWriteOptions {
  /** Opens one member's bytes: GetObject, streamed. */
  open: (key: string) => Promise<ObjectContent>;
  log: FastifyBaseLogger;
  /**
   * ZIP64 records whatever the sizes (yazl's forceZip64Format), for tests: the library writes
   * them by itself for a member or an offset over 4 GiB and for 65,535 entries or more.
   */
  forceZip64?: boolean;
}

/**
 * The zip of `members`, built while it is read: one member at a time, each streamed from its
 * GetObject through yazl (STORE, no compression; the CRC is computed as the bytes pass) to the
 * answer. Nothing is buffered beyond the streams' own high-water marks: yazl pipes, so a client
 * that reads slowly holds the member's GetObject back, and a big member's GetObject starts only
 * when the member before has been read whole. Small members are read ahead, a few at most
 * (read-ahead.ts: ≤ 2 MiB per download), so many small objects do not pay the store's latency
 * one after the other.
 *
 * The first member is opened before this answers, so a store that fails at once is an ordinary
 * JSON error. After that the status is sent: a failure destroys the stream (the route's answer
 * is then cut off, and the client sees an incomplete download, never a zip that looks whole);
 * the client going away stops the work at the members in flight.
 */
export async function writeZip(members: ZipMember[], options: ZipWriteOptions): Promise<Readable> {
  const { open, log } = options;
  const force = options.forceZip64 === true;
  const zip = new ZipFile();
  const output = zip.outputStream as Readable;
  let current: Readable | undefined;
  let failed = false;
  const fail = (err: Error, key: string | undefined) => {
    if (output.destroyed && !failed) {
      log.info({ key }, 'zip download: the client went away; stopped');
      return;
    }
    failed = true;
    log.warn({ err, key }, 'zip download failed after it started; the answer is cut off');
    current?.destroy();
    output.destroy(err);
  };
  const ahead = new ReadAhead(members, open);
  // The client went away, or a failure: the member in flight stops reading from the store.
  output.once('close', () => {
    ahead.stop();
    current?.destroy();
  });
  zip.on('error', (err: Error) => fail(err, undefined));

  const firstFile = members.findIndex((m) => !m.directory);
  let first: ObjectContent | undefined = await open(members[firstFile]!.key);

  const drive = async () => {
    for (const [i, m] of members.entries()) {
      if (output.destroyed) break;
      if (m.directory) {
        zip.addEmptyDirectory(m.name, { mtime: m.lastModified });
        continue;
      }
      try {
        ahead.fill(i);
        const content = i === firstFile ? first! : await (ahead.take(i) ?? open(m.key));
        first = undefined;
        current = content.body;
        if (output.destroyed) break;
        zip.addReadStream(content.body, m.name, {
          compress: false,
          mtime: content.lastModified ?? m.lastModified,
          // yazl checks the bytes read against it: a body cut short fails the zip.
          ...(content.contentLength !== undefined && { size: content.contentLength }),
          forceZip64Format: force,
        });
        await finished(content.body);
        current = undefined;
      } catch (err) {
        fail(err as Error, m.key);
        return;
      }
    }
    current?.destroy();
    first?.body.destroy();
    if (output.destroyed) {
      fail(new Error('The client went away'), undefined);
      return;
    }
    zip.end({ forceZip64Format: force, comment: '' });
  };
  void drive().catch((err: unknown) => fail(err as Error, undefined));
  return output;
}
