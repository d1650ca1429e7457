import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BucketParamsSchema,
  RestoreVersionResponseSchema,
  UndeleteQuerySchema,
} from '@stowage/shared';
import { errorResponses } from './error-responses.js';

/** Undelete = remove the delete markers above the newest version (store/s3-object-versions.ts). */
const route: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/buckets/:bucket/object/undelete',
    {
      config: { audit: { action: 'object.undelete' } },
      schema: {
        tags: ['versions'],
        summary:
          'Bring a deleted object back: removes the delete markers above its newest version; answers that version (409 NotDeleted when the object is not deleted)',
        params: BucketParamsSchema,
        querystring: UndeleteQuerySchema,
        response: { 200: RestoreVersionResponseSchema, ...errorResponses },
      },
    },
    async (request) => request.objectStore.undeleteObject(request.params.bucket, request.query.key),
  );
};
export default route;
