import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BucketParamsSchema,
  EmptyBucketBodySchema,
  EmptyBucketResultSchema,
  type CopyProgress,
  type EmptyBucketResult,
} from '@stowage/shared';
import { badRequest } from '../../errors.js';
import { answerWork } from './copy-reply.js';
import { bulkCounts } from '../../audit/audit-declaration.js';
import { errorResponses } from './error-responses.js';

const emptyResultResponse = EmptyBucketResultSchema.describe(
  'The summary. With `Accept: application/x-ndjson` the answer is a stream instead: one ' +
    'progress line `{"done","bytes","total","totalBytes"}` (entries removed and uploads ' +
    'aborted, of the totals listed first) when the work starts and then at most every 100 ms, ' +
    'and this summary as the last line. Closing the connection stops the work after the ' +
    'batches in flight.',
);

const route: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/buckets/:bucket/empty',
    {
      config: { audit: { action: 'bucket.empty', counts: bulkCounts('deleted') } },
      schema: {
        tags: ['buckets'],
        summary: 'Empty a bucket: every object, version and delete marker, and unfinished uploads',
        description:
          '`confirm` is the bucket name typed again (400 if it differs). Everything is listed ' +
          'first (ListObjectVersions where the bucket is or was versioned), then deleted in ' +
          'DeleteObjects batches; uploads are aborted. Entries the store refuses (object lock ' +
          'retention, a legal hold) are in `errors` with their version id.',
        params: BucketParamsSchema,
        body: EmptyBucketBodySchema,
        response: { 200: emptyResultResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { bucket } = request.params;
      if (request.body.confirm !== bucket) {
        throw badRequest(`confirm: type the bucket name, ${bucket}, to empty it`);
      }
      return answerWork<CopyProgress, EmptyBucketResult>(
        request,
        reply,
        (options) => request.objectStore.emptyBucket(bucket, options),
        (error, cancelled) => ({
          deleted: 0,
          uploadsAborted: 0,
          errors: [{ key: '', versionId: null, ...error }],
          cancelled,
        }),
      );
    },
  );
};
export default route;
