import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { BucketParamsSchema, ObjectTagsSchema, ObjectVersionQuerySchema } from '@stowage/shared';
import { errorResponses } from './error-responses.js';

const route: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/buckets/:bucket/object/tags',
    {
      schema: {
        tags: ['objects'],
        summary:
          "An object's tags (GetObjectTagging), apart from its details so those cost one HEAD; of one version with versionId",
        params: BucketParamsSchema,
        querystring: ObjectVersionQuerySchema,
        response: { 200: ObjectTagsSchema, ...errorResponses },
      },
    },
    async (request) => ({
      tags: await request.objectStore.getObjectTags(request.params.bucket, request.query.key, {
        versionId: request.query.versionId,
      }),
    }),
  );
};
export default route;
