import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BucketParamsSchema,
  ExistingKeysBodySchema,
  ExistingKeysResponseSchema,
  MAX_KEY_BYTES,
} from '@stowage/shared';
import { errorResponses } from './error-responses.js';

const route: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/buckets/:bucket/existing-keys',
    {
      config: { audit: { skip: 'a read by POST: which of these keys exist (before an upload)' } },
      // Room for 1,000 keys at their longest (Fastify's default body limit is 1 MiB).
      bodyLimit: 1000 * (MAX_KEY_BYTES + 8) * 2,
      schema: {
        tags: ['objects'],
        summary: 'Which of these keys exist already (asked before an upload batch)',
        params: BucketParamsSchema,
        body: ExistingKeysBodySchema,
        response: { 200: ExistingKeysResponseSchema, ...errorResponses },
      },
    },
    async (request) => ({
      existing: await request.objectStore.existingKeys(request.params.bucket, request.body.keys),
    }),
  );
};
export default route;
