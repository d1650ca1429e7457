import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BucketParamsSchema,
  DeleteObjectsBodySchema,
  DeleteObjectsResponseSchema,
  MAX_DELETE_KEYS,
  MAX_KEY_BYTES,
  type DeleteObjectsResponse,
  type DeleteProgress,
} from '@stowage/shared';
import { bodyKeysTarget, bulkCounts } from '../../audit/audit-declaration.js';
import { answerWork } from './copy-reply.js';
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
          'store would not delete are reported in `errors`; the rest are counted in `deleted`. ' +
          'With `Accept: application/x-ndjson` a folder delete answers a stream instead: a ' +
          'progress line `{"deleted","failed","total"}` once the folder is listed and after each ' +
          'DeleteObjects batch of 1,000 (at most every 100 ms), then this summary (with ' +
          '`cancelled`) as the last line. Errors before the listing ends are ordinary error ' +
          'answers; after, they are per key in `errors`. Closing the connection stops the work ' +
          'after the batch in flight. `from`/`to` with the prefix delete only that range of the ' +
          'folder (both included, S3 order; a `to` ending in "/" covers that subfolder), ' +
          'listed from `from` on, not from the top.',
        params: BucketParamsSchema,
        body: DeleteObjectsBodySchema,
        response: { 200: DeleteObjectsResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { bucket } = request.params;
      const body = request.body;
      if ('keys' in body) return request.objectStore.deleteObjects(bucket, body.keys);
      return answerWork<DeleteProgress, DeleteObjectsResponse>(
        request,
        reply,
        (options) =>
          request.objectStore.deletePrefix(bucket, body.prefix, {
            ...options,
            ...(body.from !== undefined || body.to !== undefined
              ? { range: { from: body.from, to: body.to } }
              : {}),
          }),
        (error, cancelled) => ({ deleted: 0, errors: [{ key: body.prefix, ...error }], cancelled }),
      );
    },
  );
};
export default route;
