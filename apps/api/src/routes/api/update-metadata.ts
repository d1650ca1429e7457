import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BucketParamsSchema,
  ObjectKeyQuerySchema,
  UpdateMetadataBodySchema,
  UpdateMetadataResponseSchema,
} from '@stowage/shared';
import { errorResponses } from './error-responses.js';

const route: FastifyPluginAsyncZod = async (app) => {
  app.put(
    '/buckets/:bucket/object/metadata',
    {
      config: { audit: { action: 'object.metadata.put' } },
      schema: {
        tags: ['objects'],
        summary:
          "Replace an object's user metadata and system headers (the object is copied onto itself)",
        description:
          'A header absent from the body keeps its value, null removes it. The body and the tags ' +
          'are kept. With ifMatch, a concurrent change answers 409. A store that accepts the ' +
          'edit but does not apply it answers 502.',
        params: BucketParamsSchema,
        querystring: ObjectKeyQuerySchema,
        body: UpdateMetadataBodySchema,
        response: { 200: UpdateMetadataResponseSchema, ...errorResponses },
      },
    },
    async (request) =>
      request.objectStore.updateMetadata(request.params.bucket, request.query.key, request.body),
  );
};
export default route;
