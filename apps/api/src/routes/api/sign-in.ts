import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  KeySignInBodySchema,
  PasswordSignInBodySchema,
  SessionResponseSchema,
} from '@stowage/shared';
import { checkKeys } from '../../auth/check-keys.js';
import { SignInGuard, type SignInLimit, type SignInLimiter } from '../../auth/sign-in-guard.js';
import { identityOf } from '../../auth/identity.js';
import { verifyPassword } from '../../auth/password-hash.js';
import { newSessionId, sessionSubject, type SessionData } from '../../auth/session-data.js';
import { sessionResponse } from '../../auth/session-response.js';
import { badRequest, HttpError } from '../../errors.js';
import type { Credentials } from '../../config/connection.js';
import type { Profile } from '../../config/profiles.js';
import { S3Store } from '../../store/s3-store.js';
import { storeConfigFor } from '../../config/profiles.js';
import { errorResponses } from './error-responses.js';

/** Strict: a body naming an endpoint (or anything else unknown) is refused, not ignored. */
const SignInBody = z.union([KeySignInBodySchema.strict(), PasswordSignInBodySchema.strict()]);

export const WRONG_PASSWORD = 'Wrong dashboard password';

/** The account a sign-in tries: whose sessions it would open (an access key, or a password). */
const accountOf = (profile: string, body: { accessKeyId?: string }) =>
  sessionSubject({
    profile,
    via: body.accessKeyId !== undefined ? 'keys' : 'password',
    accessKeyId: body.accessKeyId,
  });

const route: FastifyPluginAsyncZod<{
  limit: SignInLimit;
  guard?: SignInLimiter | undefined;
}> = async (app, opts) => {
  // Per process, or counted across instances (shared-state/shared-sign-in-guard.ts).
  const guard = opts.guard ?? new SignInGuard(opts.limit);
  app.post(
    '/session',
    {
      config: { public: true, audit: { action: 'auth.sign-in' } },
      schema: {
        tags: ['session'],
        summary: 'Sign in with S3 keys or the dashboard password of a profile',
        body: SignInBody,
        response: {
          200: SessionResponseSchema,
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const body = request.body;
      const name = body.profile ?? app.access.defaultProfile;
      // Checked before anything is tried; only a refused password or refused keys count.
      const account = accountOf(name, body as { accessKeyId?: string });
      await guard.check(request.ip, account);
      const profile = app.profileByName(name);
      if (!profile) throw badRequest(`There is no connection profile named ${name}`);
      try {
        await signIn(profile, body, request);
      } catch (err) {
        if (err instanceof HttpError && err.statusCode === 401) {
          await guard.failed(request.ip, account);
        }
        throw err;
      }
      await guard.succeeded(request.ip, account);
      return sessionResponse(app, request);
    },
  );

  /** Checks the password or the keys; on success the session is set on the request. */
  async function signIn(
    profile: Profile,
    body: z.infer<typeof SignInBody>,
    request: FastifyRequest,
  ) {
    const name = profile.name;
    const now = Date.now();
    const sid = newSessionId();
    let user: SessionData;
    if ('password' in body) {
      if (!profile.serverKeys) {
        throw badRequest(`Profile ${name} signs in with S3 keys, not a password`);
      }
      if (!profile.passwordHash) {
        throw badRequest(`Profile ${name} signs in with single sign-on only`);
      }
      if (!(await verifyPassword(body.password, profile.passwordHash))) {
        throw new HttpError('WrongPassword', WRONG_PASSWORD);
      }
      user = { sid, profile: name, via: 'password', createdAt: now, lastSeen: now };
    } else {
      if (profile.serverKeys) {
        throw badRequest(`Profile ${name} signs in with the dashboard password, not S3 keys`);
      }
      const keys: Credentials = {
        accessKeyId: body.accessKeyId,
        secretAccessKey: body.secretAccessKey,
      };
      // A throwaway client: keys the store refuses never enter the store cache.
      const probe = new S3Store(storeConfigFor(profile, keys));
      try {
        await checkKeys(profile, keys, probe);
      } catch (err) {
        throw withoutEndpoint(err, request);
      } finally {
        probe.destroy();
      }
      user = { sid, profile: name, via: 'keys', ...keys, createdAt: now, lastSeen: now };
    }
    request.session.set('user', user);
    request.identity = identityOf(app.access, profile, user) ?? null;
  }
};

/**
 * Before sign-in the visitor is nobody: a store failure is said without the operator's
 * endpoint or setup advice (the log keeps the whole message).
 */
function withoutEndpoint(err: unknown, request: FastifyRequest): unknown {
  if (!(err instanceof HttpError) || err.statusCode < 500) return err;
  request.log.warn({ status: err.statusCode }, `sign-in: ${err.message}`);
  const said: Record<number, string> = {
    503: 'The store is busy: try again in a moment',
    504: 'The store did not answer in time: try again later',
  };
  return new HttpError(
    err.code,
    said[err.statusCode] ??
      'The store is unreachable or failing: try again later, or tell the operator',
    { headers: err.headers, status: err.statusCode },
  );
}
export default route;
