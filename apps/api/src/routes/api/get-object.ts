import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { BucketParamsSchema, ObjectDetailsSchema, ObjectVersionQuerySchema } from '@stowage/shared';
import { errorResponses } from './error-responses.js';
import { allowlistSerializerCompiler } from './allowlist-serializer.js';

const route: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/buckets/:bucket/object',
    {
      // The answer's fields are picked by its schema, not validated again (allowlist-serializer.ts).
      serializerCompiler: allowlistSerializerCompiler,
      schema: {
        tags: ['objects'],
        summary:
          "An object's system headers and user metadata: one HeadObject (tags: GET …/object/tags); of one version with versionId",
        params: BucketParamsSchema,
        querystring: ObjectVersionQuerySchema,
        response: { 200: ObjectDetailsSchema, ...errorResponses },
      },
    },
    async (request) =>
      request.objectStore.getObjectDetails(
        request.params.bucket,
        request.query.key,
        request.query.versionId,
      ),
  );
};
export default route;
