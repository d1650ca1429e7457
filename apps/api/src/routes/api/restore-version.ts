import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BucketParamsSchema,
  RestoreVersionQuerySchema,
  RestoreVersionResponseSchema,
} from '@stowage/shared';
import { errorResponses } from './error-responses.js';

/** Restore = copy a version over the key (store/s3-object-versions.ts). */
const route: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/buckets/:bucket/object/restore',
    {
      config: { audit: { action: 'object.version.restore' } },
      schema: {
        tags: ['versions'],
        summary:
          'Make a version current by copying it over the key (metadata and tags kept); answers the new current version (the version itself when it is current already, nothing written)',
        params: BucketParamsSchema,
        querystring: RestoreVersionQuerySchema,
        response: { 200: RestoreVersionResponseSchema, ...errorResponses },
      },
    },
    async (request) =>
      request.objectStore.restoreVersion(
        request.params.bucket,
        request.query.key,
        request.query.versionId,
      ),
  );
};
export default route;
