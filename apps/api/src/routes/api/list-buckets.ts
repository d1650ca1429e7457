import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ListBucketsResponseSchema } from '@stowage/shared';
import { allowedBuckets } from '../../plugins/app/access.js';
import { errorResponses } from './error-responses.js';

const route: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/buckets',
    {
      schema: {
        tags: ['buckets'],
        summary: "List the buckets the credentials can see (within the profile's allowlist)",
        response: { 200: ListBucketsResponseSchema, ...errorResponses },
      },
    },
    async (request) => ({
      buckets: allowedBuckets(request, await request.objectStore.listBuckets()),
    }),
  );
};
export default route;
