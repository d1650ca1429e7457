import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { BucketParamsSchema, VersioningResponseSchema } from '@stowage/shared';
import { errorResponses } from './error-responses.js';

const route: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/buckets/:bucket/versioning',
    {
      schema: {
        tags: ['versions'],
        summary:
          "The bucket's versioning as the store says now: Enabled, Suspended, Off (never enabled), unsupported (the store has none) or unknown",
        params: BucketParamsSchema,
        response: { 200: VersioningResponseSchema, ...errorResponses },
      },
    },
    async (request) => ({
      status: await request.objectStore.getVersioning(request.params.bucket),
    }),
  );
};
export default route;
