import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BucketParamsSchema,
  UsageQuerySchema,
  UsageResultSchema,
  type UsageProgress,
  type UsageResult,
} from '@stowage/shared';
import { answerWork } from './copy-reply.js';
import { errorResponses } from './error-responses.js';

const usageResponse = UsageResultSchema.describe(
  'The totals. With `Accept: application/x-ndjson` the answer is a stream instead: progress ' +
    'lines `{"objects","bytes"}` at most every 100 ms while the objects are walked, and these ' +
    'totals as the last line (with `error` if the store failed meanwhile). Closing the connection stops the walk after the page in flight.',
);

const route: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/buckets/:bucket/usage',
    {
      schema: {
        tags: ['buckets'],
        summary: 'What a bucket or folder holds: objects, bytes, the largest, uploads, versions',
        description:
          'Walks every object under `prefix` (ListObjectsV2), the unfinished uploads and their ' +
          'parts (`uploads`: null where the store cannot list them), and on a bucket that is or ' +
          'was versioned its noncurrent versions and delete markers (`noncurrent`: null on a ' +
          'bucket never versioned).',
        params: BucketParamsSchema,
        querystring: UsageQuerySchema,
        response: { 200: usageResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      answerWork<UsageProgress, UsageResult>(
        request,
        reply,
        (options) =>
          request.objectStore.bucketUsage(request.params.bucket, request.query.prefix, options),
        (error, cancelled) => ({
          objects: 0,
          bytes: 0,
          largest: [],
          uploads: null,
          noncurrent: null,
          cancelled,
          error,
        }),
      ),
  );
};
export default route;
