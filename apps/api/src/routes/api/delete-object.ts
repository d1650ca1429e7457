import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BucketParamsSchema, ObjectVersionQuerySchema } from '@stowage/shared';
import { errorResponses } from './error-responses.js';

const route: FastifyPluginAsyncZod = async (app) => {
  app.delete(
    '/buckets/:bucket/object',
    {
      config: { audit: { action: 'object.delete' } },
      schema: {
        tags: ['objects'],
        summary:
          'Delete one object (204 also when it did not exist, as S3 answers; on a versioned bucket a delete marker); with versionId, that version or delete marker permanently (404 NoSuchVersion if none; deleting the current delete marker undeletes)',
        params: BucketParamsSchema,
        querystring: ObjectVersionQuerySchema,
        response: { 204: z.null().describe('Deleted'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { bucket } = request.params;
      const { key, versionId } = request.query;
      if (versionId === undefined) await request.objectStore.deleteObject(bucket, key);
      else await request.objectStore.deleteVersion(bucket, key, versionId);
      return reply.code(204).send(null);
    },
  );
};
export default route;
