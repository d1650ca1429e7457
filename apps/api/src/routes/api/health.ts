import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HealthResponseSchema } from '@stowage/shared';

const route: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      config: { public: true },
      schema: { tags: ['meta'], response: { 200: HealthResponseSchema } },
    },
    async () => ({ status: 'ok' as const }),
  );
};
export default route;
