import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BucketParamsSchema, DELETABLE_SETTINGS, SETTING_NAMES } from '@stowage/shared';
import { defaultTarget } from '../../audit/audit-declaration.js';
import { forgetCors } from '../../upload/upload-transport.js';
import { errorResponses } from './error-responses.js';

const deletable = new Set<string>(DELETABLE_SETTINGS);

/**
 * `DELETE /buckets/:bucket/settings/<name>`: 204 once the store no longer has it (also when it
 * never had it). Versioning can only be suspended and object lock stays: their DELETE answers
 * 400 saying so.
 */
const route: FastifyPluginAsyncZod = async (app) => {
  for (const name of SETTING_NAMES) {
    app.delete(
      `/buckets/:bucket/settings/${name}`,
      {
        config: {
          audit: {
            action: 'bucket.setting.delete',
            target: (request) => ({ ...defaultTarget(request), setting: name }),
          },
        },
        schema: {
          tags: ['bucket settings'],
          summary: deletable.has(name)
            ? `Remove the bucket's ${name}`
            : `Always 400: the bucket's ${name} cannot be removed`,
          params: BucketParamsSchema,
          response: { 204: z.null().describe('Removed'), ...errorResponses },
        },
      },
      async (request, reply) => {
        await request.objectStore.deleteBucketSetting(request.params.bucket, name);
        if (name === 'cors') forgetCors(request.identity!.profile.name, request.params.bucket);
        return reply.code(204).send(null);
      },
    );
  }
};
export default route;
