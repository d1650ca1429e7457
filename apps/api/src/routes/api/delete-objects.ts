import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BucketParamsSchema,
  DeleteObjectsBodySchema,
  DeleteObjectsResponseSchema,
  MAX_DELETE_KEYS,
  MAX_KEY_BYTES,
} from '@stowage/shared';
import { bodyKeysTarget, bulkCounts } from '../../audit/audit-declaration.js';
import { errorResponses } from './error-responses.js';

const route: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/buckets/:bucket/delete',
    {
      config: {
        audit: { action: 'objects.delete', target: bodyKeysTarget, counts: bulkCounts('deleted') },
      },
      // Room for the most keys at their longest (Fastify's default body limit is 1 MiB).
      bodyLimit: MAX_DELETE_KEYS * (MAX_KEY_BYTES + 8) * 2,
      schema: {
        tags: ['objects'],
        summary: 'Delete many objects: named keys, or every object under a prefix (a folder)',
        description:
          'A folder delete lists the prefix first and deletes exactly what it listed. Keys the ' +
          'store would not delete are reported in `errors`; the rest are counted in `deleted`.',
        params: BucketParamsSchema,
        body: DeleteObjectsBodySchema,
        response: { 200: DeleteObjectsResponseSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { bucket } = request.params;
      const body = request.body;
      return 'keys' in body
        ? request.objectStore.deleteObjects(bucket, body.keys)
        : request.objectStore.deletePrefix(bucket, body.prefix);
    },
  );
};
export default route;
