import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BucketParamsSchema, ZipQuerySchema } from '@stowage/shared';
import { planFolder } from '../../zip/zip-members.js';
import { sendZip, type ZipRouteOptions } from '../../zip/send-zip.js';
import { errorResponses } from './error-responses.js';

const route: FastifyPluginAsyncZod<ZipRouteOptions> = async (app, options) => {
  app.get(
    '/buckets/:bucket/zip',
    {
      // Fastify's HEAD twin would build the whole zip and throw it away (it drains a stream).
      exposeHeadRoute: false,
      schema: {
        tags: ['objects'],
        summary: 'A folder as one zip, built while it downloads; members named relative to it',
        description:
          'Lists the folder first, then streams one object at a time (STORE, ZIP64 when needed, ' +
          'UTF-8 names; folder markers become directory entries). Errors before the first byte ' +
          'are JSON (an empty folder is 404 NoSuchKey); a failure after it cuts the answer off.',
        params: BucketParamsSchema,
        querystring: ZipQuerySchema,
        response: { 200: z.any(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { bucket } = request.params;
      const plan = await planFolder(request.objectStore, bucket, request.query.prefix);
      return sendZip(request, reply, bucket, plan, options);
    },
  );
};
export default route;
