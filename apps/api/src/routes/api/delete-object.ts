import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BucketParamsSchema, ObjectKeyQuerySchema } from '@stowage/shared';
import { errorResponses } from './error-responses.js';

const route: FastifyPluginAsyncZod = async (app) => {
  app.delete(
    '/buckets/:bucket/object',
    {
      schema: {
        tags: ['objects'],
        summary: 'Delete one object (204 also when it did not exist, as S3 answers)',
        params: BucketParamsSchema,
        querystring: ObjectKeyQuerySchema,
        response: { 204: z.null().describe('Deleted'), ...errorResponses },
      },
    },
    async (request, reply) => {
      await request.objectStore.deleteObject(request.params.bucket, request.query.key);
      return reply.code(204).send(null);
    },
  );
};
export default route;
