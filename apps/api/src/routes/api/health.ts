import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HealthResponseSchema } from '@stowage/shared';
import { allowlistSerializerCompiler } from './allowlist-serializer.js';

const route: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      config: { public: true },
      // The hop every benchmark measures: no zod encode of a constant (allowlist-serializer.ts).
      serializerCompiler: allowlistSerializerCompiler,
      schema: { tags: ['meta'], response: { 200: HealthResponseSchema } },
    },
    async () => ({ status: 'ok' as const }),
  );
};
export default route;
