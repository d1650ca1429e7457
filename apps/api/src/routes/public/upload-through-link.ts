import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  LinkTokenParamsSchema,
  LinkUploadQuerySchema,
  LinkUploadResponseSchema,
  MAX_KEY_BYTES,
  UploadFieldsSchema,
  utf8Length,
  type UploadFields,
} from '@stowage/shared';
import { badRequest, HttpError } from '../../errors.js';
import { recordPlace } from '../../links/link-records.js';
import { linkNotFound, resolveLink } from '../../links/resolve-link.js';
import { reserveLinkBytes } from '../../links/upload-receipts.js';
import type { ObjectStore } from '../../store/object-store.js';
import type { BufferBudget } from '../../upload/buffer-budget.js';
import { uploadFromForm, type Admission } from '../../upload/upload-from-form.js';
import { noteAudit, uploadCounts } from '../../audit/audit-declaration.js';
import { errorResponses } from '../api/error-responses.js';

/** The form as OpenAPI shows it (streamed: the handler reads it, see upload-object.ts). */
const LinkUploadFormDoc = UploadFieldsSchema.pick({ contentType: true })
  .extend({
    size: z.string().optional().describe("The file's size in bytes, if known"),
    file: z.string().meta({ format: 'binary' }).describe('The file: the last part of the form'),
  })
  .nullish();

export interface UploadThroughLinkOptions {
  maxUploadBytes: number;
  budget: BufferBudget;
}

/** Is there an object by that key now? Its HEAD also checks the key (key-policy.ts). */
async function objectExists(store: ObjectStore, bucket: string, key: string): Promise<boolean> {
  try {
    await store.getObjectDetails(bucket, key);
    return true;
  } catch (err) {
    if (err instanceof HttpError && (err.code === 'NoSuchKey' || err.code === 'NotFound')) {
      return false;
    }
    throw err;
  }
}

/**
 * `POST /s/:token/upload?name=…`: one file through an upload link, from someone without an
 * account. No session and no CSRF header (`publicLink`: cross-site and foreign-origin requests
 * are still refused, auth/csrf.ts); the link's signed token names the folder, and the name
 * (LinkUploadQuerySchema) never leaves it. Streamed like the signed-in upload, with the link's
 * store (the profile's link keys). Not registered with STOWAGE_READ_ONLY.
 */
const route: FastifyPluginAsyncZod<UploadThroughLinkOptions> = async (app, opts) => {
  app.post(
    '/s/:token/upload',
    {
      config: {
        public: true,
        publicLink: true,
        audit: { action: 'link.upload.use', counts: uploadCounts },
      },
      schema: {
        tags: ['links'],
        summary: 'Drop one file through an upload link (multipart/form-data), streamed',
        description:
          'No session. `name` is relative to the link’s folder ("/" for a folder drop); a name ' +
          'with "..", a leading "/", "//" or control characters is 400. 404 for an unknown, ' +
          'altered or revoked link, 410 once expired; 413 for a file over the link’s size ' +
          'limit or one that would take the link over its total (nothing stored); 409 when ' +
          'a file of that name exists and the link may not overwrite.',
        consumes: ['multipart/form-data'],
        params: LinkTokenParamsSchema,
        querystring: LinkUploadQuerySchema,
        body: LinkUploadFormDoc,
        response: { 200: LinkUploadResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { name } = request.query;
      const link = await resolveLink(app, request.params.token, 'upload');
      const { claims, profile, store } = link;
      // A profile made read-only since: its upload links are gone, like revoked ones.
      if (profile.readOnly) throw linkNotFound();
      const { bucket } = claims;
      const key = `${claims.key}${name}`;
      noteAudit(request, { bucket, key, profile: profile.name, link: claims.id });
      if (utf8Length(key) > MAX_KEY_BYTES) {
        throw badRequest(
          `The file name is too long: with its folder it is over ${MAX_KEY_BYTES} bytes (UTF-8)`,
        );
      }
      const place = recordPlace(profile.links, bucket);
      if (place.bucket === bucket && key.startsWith(place.folder)) {
        throw badRequest(`The folder ${place.folder} is Stowage's own; choose another name`);
      }
      const maxBytes = Math.min(claims.maxBytes ?? Infinity, opts.maxUploadBytes);
      const declaredLength = Number(request.headers['content-length']);

      const admit = async (fields: UploadFields): Promise<Admission> => {
        // A check, not an atomic guard: s3rver and Ceph 16 lack If-None-Match on PutObject,
        // so an upload racing this one to the same name may still land first and be replaced.
        const exists = await objectExists(store, bucket, key);
        if (exists && !claims.overwrite) {
          throw new HttpError(
            'DestinationExists',
            `A file named ${name} is there already, and this link does not replace files`,
          );
        }
        if (claims.maxTotalBytes === undefined) return {};
        // The most this file can be: what the form says, else the whole request's length.
        // Neither (a chunked request): as much as the file may be, up to the whole total.
        const declared = Math.min(
          fields.size ??
            (Number.isSafeInteger(declaredLength) && declaredLength >= 0
              ? declaredLength
              : Math.min(maxBytes, claims.maxTotalBytes)),
          maxBytes,
        );
        const reservation = await reserveLinkBytes(
          store,
          place,
          claims.id,
          declared,
          claims.maxTotalBytes,
          request.log,
        );
        // A file larger than it declared is refused: the reservation is all it may take.
        return { maxBytes: declared, settle: (stored) => reservation.settle(stored) };
      };

      const stored = await uploadFromForm(request, reply, store, {
        bucket,
        key,
        maxBytes,
        budget: opts.budget,
        admit,
      });
      request.log.info(
        { event: 'link.upload', id: claims.id, bucket, key, size: stored.size, ip: request.ip },
        'upload link used',
      );
      return { name, size: stored.size };
    },
  );
};
export default route;
