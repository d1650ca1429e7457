import type { SessionRevocations } from '../auth/session-revocations.js';
import { MemorySessionRevocations, type Note } from '../auth/session-revocations.js';
import { KEY_PREFIX, type SharedState } from './redis.js';

const sidKey = (sid: string) => `${KEY_PREFIX}revoked:sid:${sid}`;
const subjectKey = (subject: string) => `${KEY_PREFIX}revoked:subject:${subject}`;

/** SET the later of the stored and the given `before` (epoch ms, as strings: exact). */
const SET_LATER = `
local old = redis.call('GET', KEYS[1])
local v = ARGV[1]
if old and tonumber(old) > tonumber(v) then v = old end
redis.call('SET', KEYS[1], v, 'PX', ARGV[2])
return 1`;

type Pending = Note;

/**
 * Sign-outs every instance sees at once: each note is a Redis key that expires when the
 * sessions it ends would have (`stowage:revoked:sid:<sid>`, `stowage:revoked:subject:<subject>`
 * holding `before`). Every request asks Redis (one MGET; loopback or LAN: well under a
 * millisecond), so "sign out, then the very next request to another instance" is refused
 * deterministically — a pub/sub mirror would leave a window in which the other instance has
 * not yet heard. This instance's own notes are also kept in `local` (memory and the data dir's
 * file, as without Redis): asked first, and the fallback while Redis is unreachable (logged
 * once by SharedState). A note written while Redis is down is written once it is back.
 */
export class SharedSessionRevocations implements SessionRevocations {
  private pending: Pending[] = [];

  constructor(
    private readonly shared: SharedState,
    private readonly local: MemorySessionRevocations = new MemorySessionRevocations(),
    private readonly now: () => number = Date.now,
  ) {
    shared.whenReady(() => void this.flush());
  }

  async revoke(sid: string, until: number): Promise<void> {
    this.local.revoke(sid, until);
    await this.write({ sid, until });
  }

  async revokeSubject(subject: string, before: number, until: number): Promise<void> {
    this.local.revokeSubject(subject, before, until);
    await this.write({ subject, before, until });
  }

  async isRevoked(sid: string, subject: string, createdAt: number): Promise<boolean> {
    if (this.local.isRevoked(sid, subject, createdAt)) return true;
    try {
      const [revoked, before] = await this.shared.redis.mget(sidKey(sid), subjectKey(subject));
      return revoked !== null || (before !== null && createdAt <= Number(before));
    } catch {
      // Redis unreachable: what this instance knows (SharedState has logged the outage).
      return false;
    }
  }

  private async write(note: Pending): Promise<void> {
    const ms = note.until - this.now();
    if (ms <= 0) return;
    try {
      if ('sid' in note) await this.shared.redis.set(sidKey(note.sid), '1', 'PX', ms);
      else await this.shared.redis.eval(SET_LATER, 1, subjectKey(note.subject), note.before, ms);
    } catch {
      this.pending.push(note);
    }
  }

  /**
   * Redis is (again) ready: the notes made while it was not, and every note this instance
   * knows — a Redis restarted without persistence is empty, and each instance gives back the
   * sign-outs it took. (A note ends the same session whether written once or twice.)
   */
  private async flush() {
    const notes = [...this.pending, ...this.local.notes()];
    this.pending = [];
    for (const note of notes) await this.write(note);
  }
}
