import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BucketParamsSchema } from '@stowage/shared';
import { errorResponses } from './error-responses.js';

const route: FastifyPluginAsyncZod = async (app) => {
  app.delete(
    '/buckets/:bucket',
    {
      config: { audit: { action: 'bucket.delete' } },
      schema: {
        tags: ['buckets'],
        summary: 'Delete an empty bucket (204)',
        description:
          'What the bucket holds is counted first: objects (on a bucket that is or was ' +
          'versioned, every version and delete marker) and unfinished uploads. A bucket that ' +
          'is not empty answers 409 BucketNotEmpty whose message gives the count, and nothing ' +
          'is deleted: empty it first (`POST /api/buckets/:bucket/empty`).',
        params: BucketParamsSchema,
        response: { 204: z.null().describe('Deleted'), ...errorResponses },
      },
    },
    async (request, reply) => {
      await request.objectStore.deleteBucket(request.params.bucket);
      return reply.code(204).send(null);
    },
  );
};
export default route;
