import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BucketParamsSchema,
  PutVersioningBodySchema,
  VersioningResponseSchema,
} from '@stowage/shared';
import { errorResponses } from './error-responses.js';

const route: FastifyPluginAsyncZod = async (app) => {
  app.put(
    '/buckets/:bucket/versioning',
    {
      config: { audit: { action: 'bucket.versioning.put' } },
      schema: {
        tags: ['versions'],
        summary:
          'Enable or suspend versioning (a bucket never returns to "never enabled"); answers the status read back; 501 VersioningUnsupported on a store without versioning',
        params: BucketParamsSchema,
        body: PutVersioningBodySchema,
        response: { 200: VersioningResponseSchema, ...errorResponses },
      },
    },
    async (request) => ({
      status: await request.objectStore.setVersioning(request.params.bucket, request.body.status),
    }),
  );
};
export default route;
