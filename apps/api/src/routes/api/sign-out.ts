import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from './error-responses.js';

const route: FastifyPluginAsyncZod = async (app) => {
  app.delete(
    '/session',
    {
      config: { public: true, audit: { action: 'auth.sign-out' } },
      schema: {
        tags: ['session'],
        summary: 'Sign out: this session ends on the server, and its cookie is cleared',
        description:
          'A copy of the cookie (another tab, a stolen copy) is refused from now on too. ' +
          'Without a session it only clears the cookie.',
        response: { 204: z.null().describe('Signed out'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const session = request.identity?.session;
      if (session) app.revocations.revoke(session.id, request.identity!.expiresAt);
      request.session.delete();
      return reply.code(204).send(null);
    },
  );
};
export default route;
