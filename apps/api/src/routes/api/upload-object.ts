import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  BucketParamsSchema,
  UploadFieldsSchema,
  UploadQuerySchema,
  UploadResponseSchema,
} from '@stowage/shared';
import type { BufferBudget } from '../../upload/buffer-budget.js';
import { uploadFromForm } from '../../upload/upload-from-form.js';
import { uploadCounts } from '../../audit/audit-declaration.js';
import { errorResponses } from './error-responses.js';

/**
 * The form as OpenAPI shows it. The form is streamed, so Fastify sees no body (null, hence
 * `nullish`): the handler checks each field against UploadFieldsSchema as it arrives,
 * before the file (upload-from-form.ts).
 */
const UploadFormDoc = UploadFieldsSchema.extend({
  metadata: z.string().optional().describe('JSON object of user metadata (name → value)'),
  size: z.string().optional().describe("The file's size in bytes, if known: it sizes the parts"),
  file: z.string().meta({ format: 'binary' }).describe('The file: the last part of the form'),
}).nullish();

export interface UploadRouteOptions {
  maxUploadBytes: number;
  budget: BufferBudget;
}

const route: FastifyPluginAsyncZod<UploadRouteOptions> = async (app, opts) => {
  app.post(
    '/buckets/:bucket/upload',
    {
      config: { audit: { action: 'object.upload', counts: uploadCounts } },
      schema: {
        tags: ['objects'],
        summary: 'Upload one file (multipart/form-data: fields, then the file), streamed',
        consumes: ['multipart/form-data'],
        params: BucketParamsSchema,
        querystring: UploadQuerySchema,
        body: UploadFormDoc,
        response: { 200: UploadResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      uploadFromForm(request, reply, request.objectStore, {
        bucket: request.params.bucket,
        key: request.query.key,
        maxBytes: opts.maxUploadBytes,
        budget: opts.budget,
      }),
  );
};
export default route;
