import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { BucketParamsSchema, SETTING_NAMES, StoredSettingSchema } from '@stowage/shared';
import { errorResponses } from './error-responses.js';

/** `GET /buckets/:bucket/settings/<name>`, one route per setting (store/s3-bucket-settings.ts). */
const route: FastifyPluginAsyncZod = async (app) => {
  for (const name of SETTING_NAMES) {
    app.get(
      `/buckets/:bucket/settings/${name}`,
      {
        schema: {
          tags: ['bucket settings'],
          summary: `The bucket's ${name} document as the store holds it (AWS SDK shape); 404 NotConfigured when never set${name === 'tags' ? ' (tags: an empty TagSet)' : ''}`,
          params: BucketParamsSchema,
          response: {
            200: StoredSettingSchema.describe(`The ${name} document (shape: PUT's body)`),
            ...errorResponses,
          },
        },
      },
      async (request) => request.objectStore.getBucketSetting(request.params.bucket, name),
    );
  }
};
export default route;
