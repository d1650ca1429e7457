import type { SessionConfig } from '../access-config.js';

/**
 * What the encrypted session cookie holds. The keys are there only for a key sign-in: the
 * cookie is encrypted and signed (secure-session), httpOnly, and never read by the browser.
 */
export interface SessionData {
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
  typeof (v as SessionData).profile === 'string' &&
  typeof (v as SessionData).createdAt === 'number' &&
  typeof (v as SessionData).lastSeen === 'number';
