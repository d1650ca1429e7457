import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { BucketCapabilitiesSchema, BucketParamsSchema } from '@stowage/shared';
import { errorResponses } from './error-responses.js';

const route: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/buckets/:bucket/capabilities',
    {
      schema: {
        tags: ['buckets'],
        summary:
          'What the store can do in this bucket (tags, versioning, abort, UploadPartCopy, presigned URLs), probed without writing and cached',
        params: BucketParamsSchema,
        response: { 200: BucketCapabilitiesSchema, ...errorResponses },
      },
    },
    async (request) => request.objectStore.bucketCapabilities(request.params.bucket),
  );
};
export default route;
