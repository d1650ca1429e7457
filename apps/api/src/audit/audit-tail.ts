import { open } from 'node:fs/promises';
import { AuditEntrySchema, type AuditEntry, type AuditQuery } from '@stowage/shared';

/** Read backwards this much at a time: memory stays bounded whatever the file's size. */
const CHUNK_BYTES = 64 * 1024;
/** One answer reads at most this much of the file; its cursor lets the caller go on. */
const MAX_SCAN_BYTES = 32 * 1024 * 1024;
/** A longer line is skipped (an audit line is a few KiB at most: keys are capped). */
const MAX_LINE_BYTES = 1024 * 1024;

export interface AuditPage {
  entries: AuditEntry[];
  /** The byte offset to read before for older entries; null: the file's start was reached. */
  cursor: string | null;
}

/** Whether an entry passes the query's filters (bucket, user, action). */
export function matches(entry: AuditEntry, q: Pick<AuditQuery, 'bucket' | 'user' | 'action'>) {
  if (q.bucket !== undefined && entry.bucket !== q.bucket && entry.to?.bucket !== q.bucket) {
    return false;
  }
  if (q.action !== undefined) {
    const ok = q.action.endsWith('.')
      ? entry.action.startsWith(q.action)
      : entry.action === q.action;
    if (!ok) return false;
  }
  if (q.user !== undefined) {
    const u = q.user.toLowerCase();
    const names = [entry.user?.subject, entry.user?.name, entry.user?.email, entry.user?.who];
    if (!names.some((n) => n?.toLowerCase() === u)) return false;
  }
  return true;
}

/**
 * The newest entries of the audit file that match the query, newest first, read backwards in
 * chunks from `before` (a cursor: a byte offset; default the file's end). Lines that are not
 * audit entries (a torn last line) are skipped. A missing file is an empty log.
 */
export async function readAuditTail(file: string, q: AuditQuery): Promise<AuditPage> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], cursor: null };
    throw err;
  }
  try {
    const size = (await handle.stat()).size;
    let end = Math.min(q.before === undefined ? size : Number(q.before), size);
    const entries: AuditEntry[] = [];
    // Bytes after `end`'s last newline not yet made into a line (a line's later part).
    let carry = Buffer.alloc(0);
    let scanned = 0;
    // `lineEnd`: where the oldest complete line handled so far starts (the next cursor).
    let lineEnd = end;
    while (end > 0 && entries.length < q.limit && scanned < MAX_SCAN_BYTES) {
      const start = Math.max(0, end - CHUNK_BYTES);
      const chunk = Buffer.alloc(end - start);
      await handle.read(chunk, 0, chunk.length, start);
      scanned += chunk.length;
      let buf = carry.length ? Buffer.concat([chunk, carry]) : chunk;
      // Lines are whole from the last newline on; before it they may go on in an older chunk.
      let cut = buf.length;
      for (let i = buf.length - 1; i >= 0 && entries.length < q.limit; i--) {
        if (buf[i] !== 0x0a) continue;
        const line = buf.subarray(i + 1, cut);
        cut = i;
        lineEnd = start + i + 1;
        take(line, entries, q);
      }
      if (start === 0 && entries.length < q.limit) {
        take(buf.subarray(0, cut), entries, q);
        lineEnd = 0;
        cut = 0;
      }
      carry = buf.subarray(0, cut);
      if (carry.length > MAX_LINE_BYTES) carry = Buffer.alloc(0);
      buf = Buffer.alloc(0);
      end = start;
    }
    return { entries, cursor: lineEnd > 0 ? String(lineEnd) : null };
  } finally {
    await handle.close();
  }
}

function take(line: Buffer, entries: AuditEntry[], q: AuditQuery) {
  if (line.length === 0) return;
  let parsed: unknown;
  try {
    parsed = JSON.parse(line.toString('utf8'));
  } catch {
    return;
  }
  const entry = AuditEntrySchema.safeParse(parsed);
  if (entry.success && matches(entry.data, q)) entries.push(entry.data);
}
