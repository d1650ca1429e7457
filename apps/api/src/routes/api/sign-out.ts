import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from './error-responses.js';

const route: FastifyPluginAsyncZod = async (app) => {
  app.delete(
    '/session',
    {
      config: { public: true },
      schema: {
        tags: ['session'],
        summary: 'Sign out: the session cookie is cleared',
        response: { 204: z.null().describe('Signed out'), ...errorResponses },
      },
    },
    async (request, reply) => {
      request.session.delete();
      return reply.code(204).send(null);
    },
  );
};
export default route;
