import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSIONS_PATH } from '@stowage/shared';
import { errorResponses } from './error-responses.js';

const route: FastifyPluginAsyncZod = async (app) => {
  app.delete(
    SESSIONS_PATH.replace(/^\/api/, ''),
    {
      config: { audit: { action: 'auth.sign-out-everywhere' } },
      schema: {
        tags: ['session'],
        summary: 'Sign out everywhere: every session of this user ends, this one included',
        description:
          'The user is the access key on this profile, or, for a dashboard password, everyone ' +
          "signed in with that profile's password. Sessions signed in after this call are not " +
          'affected.',
        response: { 204: z.null().describe('Every session ended'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const identity = request.identity!;
      // STOWAGE_AUTH=off has no sessions to end.
      if (identity.session) {
        const longest = Date.now() + app.access.session.maxMs;
        await app.revocations.revokeSubject(identity.session.subject, Date.now(), longest);
        app.forgetSessionCredentials(identity.session.id, identity.session.subject);
      }
      request.session.delete();
      return reply.code(204).send(null);
    },
  );
};
export default route;
