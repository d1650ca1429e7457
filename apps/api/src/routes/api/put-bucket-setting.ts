import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BucketParamsSchema,
  SETTING_NAMES,
  SETTING_SCHEMAS,
  StoredSettingSchema,
  WRITABLE_SETTINGS,
} from '@stowage/shared';
import { defaultTarget } from '../../audit/audit-declaration.js';
import { forgetCors } from '../../upload/upload-transport.js';
import { errorResponses } from './error-responses.js';

const writable = new Set<string>(WRITABLE_SETTINGS);

/**
 * `PUT /buckets/:bucket/settings/<name>`, one route per setting, the body checked by the
 * setting's schema (a 400 naming the field, the store untouched). Object lock is chosen at
 * creation: its PUT answers 400 saying so. Answers the document read back from the store.
 */
const route: FastifyPluginAsyncZod = async (app) => {
  for (const name of SETTING_NAMES) {
    app.put(
      `/buckets/:bucket/settings/${name}`,
      {
        config: {
          audit: {
            action: 'bucket.setting.put',
            target: (request) => ({ ...defaultTarget(request), setting: name }),
          },
        },
        schema: {
          tags: ['bucket settings'],
          summary: writable.has(name)
            ? `Replace the bucket's ${name} (the S3 document, AWS SDK shape); answers it as read back`
            : `Always 400: the bucket's ${name} is chosen when it is created`,
          params: BucketParamsSchema,
          ...(writable.has(name) ? { body: SETTING_SCHEMAS[name] } : {}),
          response: {
            200: StoredSettingSchema.describe(`The ${name} document the store now holds`),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const stored = await request.objectStore.putBucketSetting(
          request.params.bucket,
          name,
          (request.body ?? {}) as object,
        );
        if (name === 'cors') forgetCors(request.identity!.profile.name, request.params.bucket);
        return stored;
      },
    );
  }
};
export default route;
