import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  BucketParamsSchema,
  MAX_KEY_BYTES,
  MAX_SELECTION_ITEMS,
  ZIP_SELECTION_FIELD,
  ZipBodySchema,
} from '@stowage/shared';
import { FORM_TYPE } from '../../auth/csrf.js';
import { badRequest } from '../../errors.js';
import { planSelection } from '../../zip/zip-members.js';
import { sendZip, type ZipRouteOptions } from '../../zip/send-zip.js';
import { errorResponses } from './error-responses.js';

/** Room for the most items at their longest, JSON-escaped and then form-encoded. */
const BODY_LIMIT = MAX_SELECTION_ITEMS * (MAX_KEY_BYTES + 8) * 3;

const route: FastifyPluginAsyncZod<ZipRouteOptions> = async (app, options) => {
  // The browser's form (docs/adr/0009): one field holding the JSON selection. Only this route
  // parses forms, and auth/csrf.ts lets one through without the header only when same-origin.
  app.addContentTypeParser(
    FORM_TYPE,
    { parseAs: 'string', bodyLimit: BODY_LIMIT },
    (_request, body, done) => {
      const field = new URLSearchParams(body as string).get(ZIP_SELECTION_FIELD);
      if (field === null) {
        done(
          badRequest(`The form needs the field "${ZIP_SELECTION_FIELD}" (the selection as JSON)`),
        );
        return;
      }
      try {
        done(null, JSON.parse(field));
      } catch {
        done(badRequest(`The form field "${ZIP_SELECTION_FIELD}" is not JSON`));
      }
    },
  );
  app.post(
    '/buckets/:bucket/zip',
    {
      bodyLimit: BODY_LIMIT,
      config: { sameOriginForm: true, audit: { skip: 'a read by POST: the zip of a selection' } },
      schema: {
        tags: ['objects'],
        summary: 'A selection in one folder as one zip; members named relative to that folder',
        description:
          'JSON with the CSRF header, or a same-origin urlencoded form whose field ' +
          `"${ZIP_SELECTION_FIELD}" holds the JSON (a browser download streamed to disk). Every ` +
          'key and prefix must be in the same folder. Keys are HEADed and prefixes listed before ' +
          'the first byte; then as GET /zip.',
        params: BucketParamsSchema,
        body: ZipBodySchema,
        response: { 200: z.any(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { bucket } = request.params;
      const plan = await planSelection(request.objectStore, bucket, request.body);
      return sendZip(request, reply, bucket, plan, options);
    },
  );
};
export default route;
