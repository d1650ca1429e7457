import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ListBucketsResponseSchema } from '@stowage/shared';
import { errorResponses } from './error-responses.js';

const route: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/buckets',
    {
      schema: {
        tags: ['buckets'],
        summary: 'List the buckets the credentials can see',
        response: { 200: ListBucketsResponseSchema, ...errorResponses },
      },
    },
    async () => ({ buckets: await app.objectStore.listBuckets() }),
  );
};
export default route;
