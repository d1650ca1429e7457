import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SessionResponseSchema } from '@stowage/shared';
import { sessionResponse } from '../../auth/session-response.js';

const route: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/session',
    {
      config: { public: true },
      schema: {
        tags: ['session'],
        summary: 'Who is signed in, with which profile; the profiles the login form may offer',
        response: { 200: SessionResponseSchema },
      },
    },
    async (request) => sessionResponse(app, request),
  );
};
export default route;
