import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { create as contentDisposition } from 'content-disposition';
import {
  BucketParamsSchema,
  ShareBodySchema,
  ShareResponseSchema,
  type ShareResponse,
} from '@stowage/shared';
import { hashPassword } from '../../auth/password-hash.js';
import { badRequest } from '../../errors.js';
import { linkAbilities } from '../../links/link-abilities.js';
import {
  claimsOfRecord,
  putLinkRecord,
  recordPlace,
  type LinkRecord,
} from '../../links/link-records.js';
import { linkKeyId, newLinkId, signLinkToken } from '../../links/link-token.js';
import { publicLinkUrl } from '../../links/link-url.js';
import { bodyKeyTarget } from '../../audit/audit-declaration.js';
import { errorResponses } from './error-responses.js';

/** "7 days (604800 seconds)", "1.5 days (129600 seconds)". */
export function describeLimit(seconds: number): string {
  const days = Math.round((seconds / 86_400) * 100) / 100;
  return `${days} ${days === 1 ? 'day' : 'days'} (${seconds} seconds)`;
}

const route: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/buckets/:bucket/share',
    {
      config: { audit: { action: 'link.share.create', target: bodyKeyTarget } },
      schema: {
        tags: ['links'],
        summary: 'A download link to one object: direct (presigned by the store) or relay (/s/…)',
        description:
          'direct: a presigned GetObject URL of your own keys (SigV4: at most 7 days). relay: a ' +
          '/s/<token> URL Stowage serves with the keys it holds for the profile, optionally ' +
          'behind a password. The object must exist and be readable with your keys.',
        params: BucketParamsSchema,
        body: ShareBodySchema,
        response: { 200: ShareResponseSchema, ...errorResponses },
      },
    },
    async (request): Promise<ShareResponse> => {
      const { bucket } = request.params;
      const { key, expiresIn, downloadName, password } = request.body;
      const identity = request.identity!;
      const profile = identity.profile;
      const abilities = linkAbilities(identity, app.access.links);
      const mode = request.body.mode ?? abilities.defaultMode;
      const max = abilities.maxSeconds[mode];
      if (expiresIn > max) {
        throw badRequest(
          `A ${mode} link lasts at most ${describeLimit(max)}${
            mode === 'direct' && profile.connection.signatureVersion === 'v4'
              ? ': a SigV4 presigned URL is valid 7 days at the most'
              : ''
          }`,
        );
      }
      if (mode === 'direct' && password !== undefined) {
        throw badRequest(
          'A direct link cannot have a password (the store serves it): make a relay link',
        );
      }
      if (mode === 'relay' && !profile.links.keys) {
        throw badRequest(
          `The connection "${profile.name}" makes direct links only: a relay link needs keys ` +
            'the server holds for it (links.accessKeyId and links.secretAccessKey in the ' +
            'profiles file, or STOWAGE_LINK_ACCESS_KEY_ID and STOWAGE_LINK_SECRET_ACCESS_KEY)',
        );
      }
      // The object exists, and this session may read it with its own keys.
      await request.objectStore.getObjectDetails(bucket, key);
      // Whole seconds: a SigV4 date and a token's expiry have no finer grain.
      const now = Math.floor(Date.now() / 1000);
      const expiresAt = new Date((now + expiresIn) * 1000).toISOString();
      let url: string;
      let id: string | undefined;
      if (mode === 'direct') {
        url = await request.objectStore.presignGetObject(bucket, key, {
          expiresIn,
          contentDisposition: downloadName
            ? contentDisposition(downloadName, { type: 'attachment' })
            : undefined,
          signingDate: new Date(now * 1000),
        });
      } else {
        id = newLinkId();
        const links = profile.links;
        const record: LinkRecord = {
          v: 1,
          id,
          kind: 'download',
          profile: profile.name,
          bucket,
          key,
          createdBy: identity.who,
          createdAt: new Date(now * 1000).toISOString(),
          expiresAt,
          downloadName,
          keyId: linkKeyId(app.linkKey),
          passwordHash: password !== undefined ? await hashPassword(password) : undefined,
        };
        // The record's own claims: the Links view re-signs the same token from the record.
        const token = signLinkToken(app.linkKey, claimsOfRecord(record));
        await putLinkRecord(
          app.stores.get(profile, links.keys!),
          recordPlace(links, bucket),
          record,
          token,
        );
        url = publicLinkUrl(request, token);
      }
      request.log.info(
        {
          event: 'link.create',
          who: identity.who,
          bucket,
          key,
          mode,
          id,
          expiresAt,
          ip: request.ip,
        },
        'link created',
      );
      return { url, expiresAt, mode, ...(id && { id }) };
    },
  );
};
export default route;
