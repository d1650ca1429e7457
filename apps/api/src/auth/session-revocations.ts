import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * Sessions live in sealed cookies, so ending one needs a note on the server: a session id
 * revoked (sign-out), or every session of a user made before a time (sign out everywhere).
 * Each note is kept until the sessions it ends would have expired anyway. Checked on every
 * request (plugins/app/access.ts).
 */
export interface SessionRevocations {
  /** Ends the session `sid` (kept until `until`, its absolute expiry). */
  revoke(sid: string, until: number): void | Promise<void>;
  /** Ends every session of `subject` signed in at or before `before` (kept until `until`). */
  revokeSubject(subject: string, before: number, until: number): void | Promise<void>;
  /**
   * Synchronous in one process (memory); a promise when the notes are shared by several
   * instances (shared-state/shared-revocations.ts: Redis). Never rejects.
   */
  isRevoked(sid: string, subject: string, createdAt: number): boolean | Promise<boolean>;
}

export type Note =
  { sid: string; until: number } | { subject: string; before: number; until: number };

/**
 * The notes in memory, and, when given a file, appended to it (one JSON line each) and read
 * back at start, so a restart does not bring a signed-out cookie back. One process only:
 * several instances share notes through the scale-out store (Redis), not through this file.
 */
export class MemorySessionRevocations implements SessionRevocations {
  private readonly sids = new Map<string, number>();
  private readonly subjects = new Map<string, { before: number; until: number }>();
  private sincePrune = 0;

  constructor(
    private readonly file?: string,
    private readonly now: () => number = Date.now,
  ) {
    if (file && existsSync(file)) this.load(file);
  }

  revoke(sid: string, until: number): void {
    this.add({ sid, until }, true);
  }

  revokeSubject(subject: string, before: number, until: number): void {
    const old = this.subjects.get(subject);
    this.add(
      {
        subject,
        before: Math.max(before, old?.before ?? 0),
        until: Math.max(until, old?.until ?? 0),
      },
      true,
    );
  }

  isRevoked(sid: string, subject: string, createdAt: number): boolean {
    if (this.sids.has(sid)) return true;
    const s = this.subjects.get(subject);
    return s !== undefined && createdAt <= s.before && s.until > this.now();
  }

  /** Notes still in force (a compacted file; Redis re-seeded after a restart). */
  notes(): Note[] {
    return [
      ...[...this.sids].map(([sid, until]) => ({ sid, until })),
      ...[...this.subjects].map(([subject, s]) => ({ subject, ...s })),
    ];
  }

  private add(note: Note, persist: boolean): void {
    if (note.until <= this.now()) return;
    if ('sid' in note) this.sids.set(note.sid, note.until);
    else this.subjects.set(note.subject, { before: note.before, until: note.until });
    if (persist && this.file)
      appendFileSync(this.file, `${JSON.stringify(note)}\n`, { mode: 0o600 });
    if (++this.sincePrune >= 1000) this.prune();
  }

  private prune(): void {
    this.sincePrune = 0;
    const now = this.now();
    for (const [sid, until] of this.sids) if (until <= now) this.sids.delete(sid);
    for (const [subject, s] of this.subjects) if (s.until <= now) this.subjects.delete(subject);
  }

  /** Reads the file (a line that does not parse is skipped) and rewrites it compacted. */
  private load(file: string): void {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      try {
        const n = JSON.parse(line) as Partial<{
          sid: string;
          subject: string;
          before: number;
          until: number;
        }>;
        if (typeof n.until !== 'number') continue;
        if (typeof n.sid === 'string') this.add({ sid: n.sid, until: n.until }, false);
        else if (typeof n.subject === 'string' && typeof n.before === 'number') {
          this.add({ subject: n.subject, before: n.before, until: n.until }, false);
        }
      } catch {
        // A torn last line (the process died mid-write) or an empty one.
      }
    }
    this.prune();
    writeFileSync(
      file,
      this.notes()
        .map((n) => `${JSON.stringify(n)}\n`)
        .join(''),
      { mode: 0o600 },
    );
  }
}
