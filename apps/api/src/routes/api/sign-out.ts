import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SignOutResponseSchema } from '@stowage/shared';
import { publicOrigin } from '../../links/link-url.js';
import { errorResponses } from './error-responses.js';

const route: FastifyPluginAsyncZod = async (app) => {
  app.delete(
    '/session',
    {
      config: { public: true, audit: { action: 'auth.sign-out' } },
      schema: {
        tags: ['session'],
        summary: 'Sign out: this session ends on the server, and its cookie is cleared',
        description:
          'A copy of the cookie (another tab, a stolen copy) is refused from now on too. ' +
          'Without a session it only clears the cookie. A single sign-on session answers 200 ' +
          "with the identity provider's end-session URL (RP-initiated logout) when it has one: " +
          'the browser goes there to end the provider session too.',
        response: {
          200: SignOutResponseSchema,
          204: z.null().describe('Signed out'),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const session = request.identity?.session;
      if (session) {
        await app.revocations.revoke(session.id, request.identity!.expiresAt);
        app.forgetSessionCredentials(session.id);
      }
      const data = request.session.get('user');
      request.session.delete();
      if (request.identity?.user && data?.via === 'sso' && app.ssoClient) {
        const endSessionUrl = await app.ssoClient
          .endSessionUrl(data.sso?.idToken, new URL('/', publicOrigin(request)).href)
          .catch((err: unknown) => {
            request.log.warn({ err }, 'sso: no end-session URL (the provider is unreachable)');
            return undefined;
          });
        if (endSessionUrl) return reply.code(200).send({ endSessionUrl });
      }
      return reply.code(204).send(null);
    },
  );
};
export default route;
