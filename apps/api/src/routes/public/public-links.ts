import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { noteAudit } from '../../audit/audit-declaration.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { create as contentDisposition } from 'content-disposition';
import { z } from 'zod';
import {
  downloadFilename,
  LinkTokenParamsSchema,
  LinkUnlockBodySchema,
  PublicLinkInfoSchema,
  publicLinkPath,
  type LinkKind,
  type PublicLinkInfo,
} from '@stowage/shared';
import { FORM_TYPE } from '../../auth/csrf.js';
import { verifyPassword } from '../../auth/password-hash.js';
import { badRequest, HttpError } from '../../errors.js';
import {
  isUnlocked,
  unlockCookieName,
  unlockCookieValue,
  UNLOCK_COOKIE_PATH,
} from '../../links/link-unlock.js';
import { verifyLinkToken } from '../../links/link-token.js';
import {
  checkRecord,
  checkToken,
  linkNotFound,
  readRecord,
  resolveLink,
  type ResolvedLink,
} from '../../links/resolve-link.js';
import type { ObjectContent } from '../../store/object-store.js';
import { errorResponses } from '../api/error-responses.js';
import { safeContentType, sendObjectContent, singleRange } from '../object-reply.js';
import { sendLinkPage } from './link-page.js';

/** Wrong passwords one client may try on one link per minute (then 429 with Retry-After). */
export const UNLOCK_ATTEMPTS_PER_MINUTE = 5;

/** Public, and no CSRF header needed (auth/csrf.ts still refuses cross-site and other origins). */
const PUBLIC = { public: true, publicLink: true } as const;

/** What kind of link the token says it is (a bad token: "download", which then answers 404). */
function tokenKind(app: FastifyInstance, token: string): LinkKind {
  const check = verifyLinkToken(app.linkKey, token);
  return check.ok || check.reason === 'expired' ? check.claims.kind : 'download';
}

/** The link id for counting attempts, or the token itself when it is not one of ours. */
function linkIdOf(app: FastifyInstance, token: string): string {
  const check = verifyLinkToken(app.linkKey, token);
  return check.ok || check.reason === 'expired' ? check.claims.id : token;
}

const wantsHtml = (request: FastifyRequest) =>
  String(request.headers.accept ?? '').includes('text/html');

const isLinkRefusal = (err: unknown) =>
  err instanceof HttpError && (err.code === 'LinkNotFound' || err.code === 'LinkExpired');

const lastSegment = (key: string) => key.replace(/\/$/, '').split('/').pop() ?? '';

/**
 * The routes a link's recipient uses, outside /api and without a session (links/README.md):
 * `GET /s/:token` (the object of a download link, or the page: drop, password),
 * `GET /s/:token/info` (what the page may show), `POST /s/:token/unlock` (a link's password).
 * Every answer is `Cache-Control: private, no-store`; every download is logged (`link.use`).
 */
const plugin: FastifyPluginAsyncZod<{ webDir?: string | undefined }> = async (app, opts) => {
  const webDir = opts.webDir;
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'private, no-store');
    reply.header('referrer-policy', 'no-referrer');
  });
  // The password page's plain form (the page without a web build); JSON is the app's.
  app.addContentTypeParser(FORM_TYPE, { parseAs: 'string', bodyLimit: 8192 }, (_r, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );

  /** The link the token names; the object's bytes when it may be downloaded now. */
  app.get(
    '/s/:token',
    {
      config: PUBLIC,
      schema: {
        tags: ['links'],
        summary:
          'A download link: the object (Range supported), as an attachment; an upload link: the drop page',
        description:
          'No session. Expired: 410; unknown, altered or revoked: 404 (no detail). A password ' +
          'link without its unlock cookie answers 401 with the password page.',
        params: LinkTokenParamsSchema,
        headers: z.object({ range: z.string().optional() }),
        response: { 200: z.any(), 206: z.any(), ...errorResponses, 416: errorResponses[400] },
      },
    },
    async (request, reply) => {
      const { token } = request.params;
      const range = singleRange(request.headers.range);
      let content: Promise<ObjectContent> | undefined;
      let link: ResolvedLink;
      try {
        const checked = checkToken(app, token, tokenKind(app, token));
        const { claims, store } = checked;
        // A download the token lets through is read beside its record (one store round trip
        // instead of two); if the record refuses the link, the read is dropped unsent.
        if (
          claims.kind === 'download' &&
          (!claims.password || isUnlocked(app.linkKey, claims, request.cookies))
        ) {
          content = store.getObjectContent(claims.bucket, claims.key, range);
          content.catch(() => undefined); // awaited below, or dropped on a refusal
        }
        link = await checkRecord(checked);
      } catch (err) {
        void content?.then(
          (c) => c.body.destroy(),
          () => undefined,
        );
        // A browser opening a dead link gets the page (it reads /info and says why).
        if (isLinkRefusal(err) && wantsHtml(request) && webDir) {
          return sendLinkPage(reply, webDir, (err as HttpError).statusCode, 'refused', token);
        }
        throw err;
      }
      const { claims } = link;
      if (claims.kind === 'upload') return sendLinkPage(reply, webDir, 200, 'upload', token);
      if (!content) return sendLinkPage(reply, webDir, 401, 'password', token);
      const object = await content;
      request.log.info(
        {
          event: 'link.use',
          id: claims.id,
          bucket: claims.bucket,
          key: claims.key,
          ip: request.ip,
          range: range ?? null,
        },
        'link used',
      );
      return sendObjectContent(reply, object, {
        contentType: safeContentType(object),
        contentDisposition: contentDisposition(
          claims.downloadName ?? downloadFilename(claims.key),
          { type: 'attachment' },
        ),
        // Never a page of ours, whatever the store says the bytes are.
        csp: "sandbox; default-src 'none'",
      });
    },
  );

  app.get(
    '/s/:token/info',
    {
      config: PUBLIC,
      schema: {
        tags: ['links'],
        summary:
          'What the public link page may show: kind, expiry, name, limits (never the bucket)',
        params: LinkTokenParamsSchema,
        response: { 200: PublicLinkInfoSchema, ...errorResponses },
      },
    },
    async (request): Promise<PublicLinkInfo> => {
      const { token } = request.params;
      const { claims, store } = await resolveLink(app, token, tokenKind(app, token));
      const expiresAt = new Date(claims.expiresAt * 1000).toISOString();
      if (claims.kind === 'upload') {
        return {
          kind: 'upload',
          expiresAt,
          name: lastSegment(claims.key),
          passwordRequired: false,
          unlocked: false,
          maxBytes: claims.maxBytes,
          maxTotalBytes: claims.maxTotalBytes,
          overwrite: claims.overwrite ?? false,
        };
      }
      const passwordRequired = claims.password === true;
      const unlocked = passwordRequired && isUnlocked(app.linkKey, claims, request.cookies);
      let size: number | undefined;
      if (!passwordRequired || unlocked) {
        try {
          size = (await store.getObjectDetails(claims.bucket, claims.key)).size;
        } catch (err) {
          // The object is gone: the download says so; the page still shows the name.
          if (!(err instanceof HttpError && err.statusCode === 404)) throw err;
        }
      }
      return {
        kind: 'download',
        expiresAt,
        name: claims.downloadName ?? downloadFilename(claims.key),
        size,
        passwordRequired,
        unlocked,
      };
    },
  );

  app.post(
    '/s/:token/unlock',
    {
      config: {
        ...PUBLIC,
        audit: { action: 'link.unlock' },
        rateLimit: {
          max: UNLOCK_ATTEMPTS_PER_MINUTE,
          timeWindow: 60_000,
          // A password guess limit fails closed: with Redis unreachable, 503 (error-handler.ts).
          skipOnError: false,
          keyGenerator: (request: FastifyRequest) =>
            `unlock ${linkIdOf(app, (request.params as { token: string }).token)} ${request.ip}`,
          errorResponseBuilder: (_request, context) =>
            new HttpError(
              'TooManyRequests',
              `Too many password attempts on this link: try again in ${context.after}`,
              { headers: { 'retry-after': String(Math.max(1, Math.ceil(context.ttl / 1000))) } },
            ),
        },
      },
      bodyLimit: 8192,
      schema: {
        tags: ['links'],
        summary: "A password link's password: right → 204 and the unlock cookie (a form: 303 back)",
        description: `JSON or a urlencoded form; at most ${UNLOCK_ATTEMPTS_PER_MINUTE} attempts a minute per link and client.`,
        params: LinkTokenParamsSchema,
        body: LinkUnlockBodySchema,
        response: { 204: z.null(), 303: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { token } = request.params;
      const link = await resolveLink(app, token, 'download');
      const { claims } = link;
      noteAudit(request, {
        bucket: claims.bucket,
        key: claims.key,
        profile: claims.profile,
        link: claims.id,
      });
      if (!claims.password) throw badRequest('This link needs no password');
      const record = await readRecord(link);
      // The token says "password", and the record holds no hash: not a record of ours.
      if (!record.passwordHash) throw linkNotFound();
      if (!(await verifyPassword(request.body.password, record.passwordHash))) {
        request.log.info(
          { event: 'link.unlock.refused', id: record.id, ip: request.ip },
          'wrong link password',
        );
        throw new HttpError('WrongPassword', 'Wrong password');
      }
      reply.setCookie(unlockCookieName(claims.id), unlockCookieValue(app.linkKey, claims), {
        path: UNLOCK_COOKIE_PATH,
        httpOnly: true,
        sameSite: 'lax',
        secure: app.access.session.secureCookie,
        maxAge: Math.max(1, claims.expiresAt - Math.floor(Date.now() / 1000)),
      });
      const form = String(request.headers['content-type'] ?? '').startsWith(FORM_TYPE);
      if (form) return reply.code(303).header('location', publicLinkPath(token)).send(null);
      return reply.code(204).send(null);
    },
  );
};
export default plugin;
