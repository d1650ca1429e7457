import { randomBytes } from 'node:crypto';
import type { SessionConfig } from '../config/access.js';

/**
 * What the encrypted session cookie holds. The keys are there only for a key sign-in: the
 * cookie is encrypted and signed (secure-session), httpOnly, and never read by the browser.
 */
export interface SessionData {
  /** Random id of this sign-in: sign-out revokes it (session-revocations.ts). */
  sid: string;
  profile: string;
  via: 'keys' | 'password';
  accessKeyId?: string;
  secretAccessKey?: string;
  createdAt: number;
  lastSeen: number;
}

export type SessionState = 'valid' | 'idle' | 'expired';

export function sessionState(s: SessionData, now: number, cfg: SessionConfig): SessionState {
  if (now - s.createdAt >= cfg.maxMs) return 'expired';
  if (now - s.lastSeen >= cfg.idleMs) return 'idle';
  return 'valid';
}

/** lastSeen is rewritten (a new cookie) at most this often, not on every request. */
export const touchInterval = (cfg: SessionConfig) => Math.min(60_000, cfg.idleMs / 10);

export const isSessionData = (v: unknown): v is SessionData =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as SessionData).sid === 'string' &&
  typeof (v as SessionData).profile === 'string' &&
  typeof (v as SessionData).createdAt === 'number' &&
  typeof (v as SessionData).lastSeen === 'number';

/** A new session's id: 128 random bits. */
export const newSessionId = () => randomBytes(16).toString('base64url');

/**
 * Whose session it is, for "sign out everywhere": the access key on a profile, or everyone
 * who signs in with a profile's dashboard password (they share one identity).
 */
export const sessionSubject = (s: Pick<SessionData, 'profile' | 'via' | 'accessKeyId'>) =>
  s.via === 'keys' ? `${s.profile}\0key\0${s.accessKeyId ?? ''}` : `${s.profile}\0password`;
