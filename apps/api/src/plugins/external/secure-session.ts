import fp from 'fastify-plugin';
import secureSession from '@fastify/secure-session';
import { hkdfSync, randomBytes } from 'node:crypto';
import type { SessionConfig } from '../../config/access.js';
import type { SessionData as UserSession } from '../../auth/session-data.js';

declare module '@fastify/secure-session' {
  interface SessionData {
    user: UserSession;
  }
}

export const SESSION_COOKIE = 'stowage_session';

/**
 * The session lives in an encrypted, signed cookie (libsodium secretbox): no server state, so
 * every instance given the same STOWAGE_SESSION_SECRET serves the same user. The key is
 * derived from the secret; without one, a random key per process (the server warns).
 */
export default fp<{ session: SessionConfig }>(
  async (app, opts) => {
    const { secret, maxMs, secureCookie } = opts.session;
    const key = secret
      ? Buffer.from(hkdfSync('sha256', secret, 'stowage', 'session cookie key v1', 32))
      : randomBytes(32);
    await app.register(secureSession, {
      key,
      cookieName: SESSION_COOKIE,
      // Our own idle and absolute limits decide (plugins/app/access.ts); this is a backstop.
      expiry: Math.ceil(maxMs / 1000) + 60,
      cookie: { path: '/', httpOnly: true, sameSite: 'strict', secure: secureCookie },
    });
  },
  { name: 'secure-session' },
);
