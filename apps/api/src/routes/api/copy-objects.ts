import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BucketParamsSchema,
  CopyObjectsBodySchema,
  MAX_KEY_BYTES,
  MAX_SELECTION_ITEMS,
} from '@stowage/shared';
import { answerCopy, copyResultResponse } from './copy-reply.js';
import { bodyKeysTarget, bulkCounts } from '../../audit/audit-declaration.js';
import { errorResponses } from './error-responses.js';

const route: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/buckets/:bucket/copy',
    {
      config: {
        audit: {
          action: (request) =>
            (request.body as { move?: boolean } | undefined)?.move === true
              ? 'objects.move'
              : 'objects.copy',
          target: (request) => ({
            ...bodyKeysTarget(request),
            to: (request.body as { to: { bucket: string; prefix?: string } }).to,
          }),
          counts: bulkCounts('copied'),
        },
      },
      // Room for the most keys and prefixes at their longest (Fastify's default is 1 MiB).
      bodyLimit: 2 * MAX_SELECTION_ITEMS * (MAX_KEY_BYTES + 8) * 2,
      schema: {
        tags: ['objects'],
        summary: 'Copy or move objects and folders, within a bucket or to another one',
        description:
          'A folder (`prefix`) or a selection (`keys`, `prefixes`) is listed first; the work is ' +
          'done on exactly that snapshot. Each copy keeps the body, headers, metadata, storage ' +
          'class and tags, and is verified before a move deletes its source. `conflict`: fail ' +
          '(409 DestinationExists before anything is written), skip, overwrite or keepBoth ' +
          '("name (1).ext"). Send `Accept: application/x-ndjson` for progress lines.',
        params: BucketParamsSchema,
        body: CopyObjectsBodySchema,
        response: { 200: copyResultResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      answerCopy(request, reply, (options) =>
        request.objectStore.copyObjects(request.params.bucket, request.body, options),
      ),
  );
};
export default route;
