import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ReadyResponseSchema } from '@stowage/shared';

/**
 * Readiness, for a load balancer or an orchestrator: 200 while this instance takes new
 * requests, 503 `draining` from SIGTERM on (plugins/app/drain.ts). Unlike `/api/health`
 * (alive), a 503 here means "send new requests elsewhere", not "restart me".
 */
const route: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/ready',
    {
      config: { public: true },
      schema: {
        tags: ['meta'],
        summary: 'Whether this instance takes new requests (503 while it drains for a restart)',
        response: { 200: ReadyResponseSchema, 503: ReadyResponseSchema },
      },
    },
    async (_request, reply) => {
      if (app.drain.draining) return reply.code(503).send({ ready: false, reason: 'draining' });
      return { ready: true as const };
    },
  );
};
export default route;
