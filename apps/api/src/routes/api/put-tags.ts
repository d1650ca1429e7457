import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BucketParamsSchema,
  ObjectVersionQuerySchema,
  PutTagsBodySchema,
  PutTagsResponseSchema,
} from '@stowage/shared';
import { errorResponses } from './error-responses.js';

const route: FastifyPluginAsyncZod = async (app) => {
  app.put(
    '/buckets/:bucket/object/tags',
    {
      config: { audit: { action: 'object.tags.put' } },
      schema: {
        tags: ['objects'],
        summary:
          "Replace an object's tags (the object is not rewritten); [] removes them all; of one version with versionId",
        params: BucketParamsSchema,
        querystring: ObjectVersionQuerySchema,
        body: PutTagsBodySchema,
        response: { 200: PutTagsResponseSchema, ...errorResponses },
      },
    },
    async (request) => ({
      tags: await request.objectStore.putObjectTags(
        request.params.bucket,
        request.query.key,
        request.body.tags,
        request.query.versionId,
      ),
    }),
  );
};
export default route;
