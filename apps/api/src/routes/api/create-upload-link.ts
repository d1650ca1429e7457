import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BucketParamsSchema,
  MAX_KEY_BYTES,
  UploadLinkBodySchema,
  UploadLinkResponseSchema,
  utf8Length,
} from '@stowage/shared';
import { badRequest, HttpError } from '../../errors.js';
import { MAX_OBJECT_BYTES } from '../../config/env-schema.js';
import {
  claimsOfRecord,
  putLinkRecord,
  recordPlace,
  type LinkRecord,
} from '../../links/link-records.js';
import { linkKeyId, newLinkId, signLinkToken } from '../../links/link-token.js';
import { publicLinkUrl } from '../../links/link-url.js';
import { keyError, keyPolicyOf } from '../../store/key-policy.js';
import { errorResponses } from './error-responses.js';

export interface CreateUploadLinkOptions {
  /** The largest file one upload may carry (STOWAGE_MAX_UPLOAD_BYTES). */
  maxUploadBytes: number;
}

export const NO_LINK_KEYS =
  'Upload links need keys the server holds for this connection (the profile’s links.keys), ' +
  'and it has none: ask the operator to set them';

/**
 * An upload link (file drop) to one folder: a record in the store (links/link-records.ts) and
 * a signed `/s/<token>` URL whose page posts files to `POST /s/:token/upload`
 * (routes/public/upload-through-link.ts). A write: a read-only profile gets 403, and with
 * STOWAGE_READ_ONLY the route does not exist.
 */
const route: FastifyPluginAsyncZod<CreateUploadLinkOptions> = async (app, opts) => {
  app.post(
    '/buckets/:bucket/upload-links',
    {
      config: {
        audit: {
          action: 'link.upload.create',
          target: (request) => ({
            bucket: (request.params as { bucket: string }).bucket,
            prefix: (request.body as { prefix: string }).prefix,
          }),
        },
      },
      schema: {
        tags: ['links'],
        summary: 'Make an upload link: anyone holding it may drop files into one folder',
        description:
          'The files land under `prefix` only (their names may hold "/" for a folder drop, never ' +
          '".." or a leading "/"). `maxBytes` caps each file, `maxTotalBytes` all of them ' +
          'together; `overwrite` (off by default) lets a file replace an object of the same ' +
          'name. 400 when the connection has no link keys, when `expiresIn` is longer than the ' +
          'server allows (STOWAGE_LINK_MAX_DAYS) or a limit is over the server’s upload limit.',
        params: BucketParamsSchema,
        body: UploadLinkBodySchema,
        response: { 200: UploadLinkResponseSchema, ...errorResponses },
      },
    },
    async (request) => {
      const identity = request.identity!;
      const { bucket } = request.params;
      const { prefix, expiresIn, maxBytes, maxTotalBytes, overwrite } = request.body;
      const profile = identity.profile;
      if (!profile.links.keys) throw badRequest(NO_LINK_KEYS);
      const maxSeconds = app.access.links.maxSeconds;
      if (expiresIn > maxSeconds) {
        throw badRequest(
          `expiresIn: an upload link lasts at most ${maxSeconds} seconds ` +
            `(${Math.floor(maxSeconds / 86_400)} days, STOWAGE_LINK_MAX_DAYS)`,
        );
      }
      if (maxBytes !== undefined && maxBytes > opts.maxUploadBytes) {
        throw badRequest(
          `maxBytes: a file is at most ${opts.maxUploadBytes} bytes on this server ` +
            '(STOWAGE_MAX_UPLOAD_BYTES)',
        );
      }
      if (maxTotalBytes !== undefined && maxTotalBytes > MAX_OBJECT_BYTES) {
        throw badRequest(`maxTotalBytes: at most ${MAX_OBJECT_BYTES} bytes (5 TiB)`);
      }
      if (utf8Length(prefix) >= MAX_KEY_BYTES) {
        throw badRequest(`prefix: a folder name is shorter than ${MAX_KEY_BYTES} bytes (UTF-8)`);
      }
      const place = recordPlace(profile.links, bucket);
      if (place.bucket === bucket && prefix.startsWith(place.folder)) {
        throw badRequest(`prefix: ${place.folder} holds Stowage's link records, not files`);
      }
      // A folder this connection would refuse every key of (key-policy.ts): say so now.
      const policy = keyPolicyOf({
        quirks: profile.connection.quirks,
        bucketAllowlist: profile.buckets,
      });
      const refused = prefix === '' ? undefined : keyError(`${prefix}file`, policy);
      if (refused) throw badRequest(`prefix: ${refused.message}`);
      // The session must see the bucket (the link's keys act for it later).
      if (!(await request.objectStore.bucketExists(bucket))) {
        throw new HttpError('NoSuchBucket', `The bucket ${bucket} does not exist`);
      }

      const id = newLinkId();
      const now = Date.now();
      const expiresAtSeconds = Math.floor(now / 1000) + expiresIn;
      const expiresAt = new Date(expiresAtSeconds * 1000).toISOString();
      const record: LinkRecord = {
        v: 1,
        id,
        kind: 'upload',
        profile: profile.name,
        bucket,
        key: prefix,
        createdBy: identity.who,
        createdAt: new Date(now).toISOString(),
        expiresAt,
        maxBytes,
        maxTotalBytes,
        overwrite,
        // Rotating the link secret revokes it (resolve-link.ts).
        keyId: linkKeyId(app.linkKey),
      };
      // The record's own claims: the Links view re-signs the same token from the record.
      const token = signLinkToken(app.linkKey, claimsOfRecord(record));
      await putLinkRecord(app.stores.get(profile, profile.links.keys), place, record, token);
      request.log.info(
        {
          event: 'link.create',
          kind: 'upload',
          id,
          who: identity.who,
          bucket,
          prefix,
          expiresAt,
          ip: request.ip,
        },
        'upload link made',
      );
      return { url: publicLinkUrl(request, token), expiresAt, id };
    },
  );
};
export default route;
