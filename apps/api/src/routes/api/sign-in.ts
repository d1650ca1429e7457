import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiErrorSchema,
  KeySignInBodySchema,
  PasswordSignInBodySchema,
  SessionResponseSchema,
} from '@stowage/shared';
import { checkKeys } from '../../auth/check-keys.js';
import { identityOf } from '../../auth/identity.js';
import { verifyPassword } from '../../auth/password-hash.js';
import type { SessionData } from '../../auth/session-data.js';
import { sessionResponse } from '../../auth/session-response.js';
import { badRequest, HttpError } from '../../errors.js';
import type { Credentials } from '../../profiles.js';
import { S3Store } from '../../store/s3-store.js';
import { storeConfigFor } from '../../profiles.js';
import { errorResponses } from './error-responses.js';

/** Strict: a body naming an endpoint (or anything else unknown) is refused, not ignored. */
const SignInBody = z.union([KeySignInBodySchema.strict(), PasswordSignInBodySchema.strict()]);

export const WRONG_PASSWORD = 'Wrong dashboard password';

const route: FastifyPluginAsyncZod<{ limiters: unknown[] }> = async (app, opts) => {
  app.post(
    '/session',
    {
      config: { public: true },
      preHandler: opts.limiters as never,
      schema: {
        tags: ['session'],
        summary: 'Sign in with S3 keys or the dashboard password of a profile',
        body: SignInBody,
        response: {
          200: SessionResponseSchema,
          ...errorResponses,
          401: ApiErrorSchema,
          429: ApiErrorSchema,
        },
      },
    },
    async (request) => {
      const body = request.body;
      const name = body.profile ?? app.access.defaultProfile;
      const profile = app.profileByName(name);
      if (!profile) throw badRequest(`There is no connection profile named ${name}`);
      const now = Date.now();
      let user: SessionData;
      if ('password' in body) {
        if (!profile.serverKeys || !profile.passwordHash) {
          throw badRequest(`Profile ${name} signs in with S3 keys, not a password`);
        }
        if (!(await verifyPassword(body.password, profile.passwordHash))) {
          throw new HttpError(401, WRONG_PASSWORD);
        }
        user = { profile: name, via: 'password', createdAt: now, lastSeen: now };
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
        } finally {
          probe.destroy();
        }
        user = { profile: name, via: 'keys', ...keys, createdAt: now, lastSeen: now };
      }
      request.session.set('user', user);
      request.identity = identityOf(app.access, profile, user) ?? null;
      return sessionResponse(app, request);
    },
  );
};
export default route;
