import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SessionResponseSchema, SsoProfileBodySchema } from '@stowage/shared';
import { identityOf } from '../../auth/identity.js';
import { newSessionId, type SessionData } from '../../auth/session-data.js';
import { sessionResponse } from '../../auth/session-response.js';
import { SsoErrors, type SsoClient } from '../../auth/sso-client.js';
import {
  SSO_FLOW_COOKIE,
  SSO_FLOW_MS,
  SSO_FLOW_PATH,
  SsoFlowSealer,
} from '../../auth/sso-flow-cookie.js';
import { ssoRefusalPage } from '../../auth/sso-page.js';
import { grantedProfiles, matchedRoles } from '../../auth/sso-roles.js';
import { badRequest, HttpError } from '../../errors.js';
import { publicOrigin } from '../../links/link-url.js';
import type { SsoConfig } from '../../config/sso.js';
import { noteAudit } from '../../audit/audit-declaration.js';
import { errorResponses } from './error-responses.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The OpenID Connect client, when the profiles file has `sso` (build-app.ts). */
    ssoClient: SsoClient | undefined;
  }
}

/** Where the web app lets a person with several roles pick a profile. */
export const SSO_CHOOSE_PAGE = '/sso/profile';
export const SSO_CALLBACK_PATH = `${SSO_FLOW_PATH}/callback`;

/** A refusal the callback answers as a page (sso-page.ts). */
class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Single sign-on with OpenID Connect (issue 21): start → the provider → callback → a session
 * with the profile the person's roles grant. Registered only when `sso` is configured.
 */
const route: FastifyPluginAsyncZod<{ sso: SsoConfig }> = async (app, opts) => {
  const client = app.ssoClient!;
  const sealer = new SsoFlowSealer(app.access.session.secret);
  const secure = app.access.session.secureCookie;

  const page = (reply: FastifyReply, r: Refusal) =>
    reply
      .code(r.status)
      .clearCookie(SSO_FLOW_COOKIE, { path: SSO_FLOW_PATH })
      .type('text/html; charset=utf-8')
      .send(ssoRefusalPage(r.title, r.message));

  app.get(
    `${SSO_FLOW_PATH.replace(/^\/api/, '')}/start`,
    {
      config: { public: true },
      schema: {
        tags: ['session'],
        summary: 'Single sign-on: go to the identity provider (authorization code with PKCE)',
        response: { 302: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      // Normalized as the library sends it back at the token endpoint (no default port).
      const redirectUri = new URL(SSO_CALLBACK_PATH, publicOrigin(request)).href;
      let started;
      try {
        started = await client.start(redirectUri);
      } catch (err) {
        request.log.warn({ err }, 'sso: the identity provider cannot be reached');
        return page(reply, unavailable());
      }
      return reply
        .setCookie(SSO_FLOW_COOKIE, sealer.seal(started.flow), {
          path: SSO_FLOW_PATH,
          httpOnly: true,
          sameSite: 'lax',
          secure,
          maxAge: SSO_FLOW_MS / 1000,
        })
        .redirect(started.url, 302);
    },
  );

  app.get(
    `${SSO_FLOW_PATH.replace(/^\/api/, '')}/callback`,
    {
      // A sign-in, as the password and key sign-ins are: one audit line, with the person once
      // the provider has said who they are (noteAudit), and the status of a refusal.
      config: { public: true, audit: { action: 'auth.sign-in', target: () => ({}) } },
      schema: {
        tags: ['session'],
        summary: 'Single sign-on: the identity provider sends the browser back here',
        description:
          'Checks state, exchanges the code (PKCE), validates the ID token, maps the groups ' +
          'claim to a role and starts the session; a refusal is an HTML page with its status.',
        querystring: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
        response: { 303: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      try {
        const user = await finishSignIn(request);
        request.session.set('user', user);
        const several = grantedProfiles(opts.sso, user.sso!.roles).length > 1;
        return reply
          .clearCookie(SSO_FLOW_COOKIE, { path: SSO_FLOW_PATH })
          .redirect(several ? SSO_CHOOSE_PAGE : '/', 303);
      } catch (err) {
        if (err instanceof Refusal) {
          request.log.warn({ status: err.status }, `sso: ${err.message}`);
          return page(reply, err);
        }
        request.log.warn({ err }, 'sso: sign-in failed');
        return page(reply, classify(err));
      }
    },
  );

  async function finishSignIn(request: FastifyRequest): Promise<SessionData> {
    const flow = sealer.open(request.cookies[SSO_FLOW_COOKIE]);
    const query = request.query as Record<string, string | string[]>;
    if (typeof query.error === 'string') {
      const said = typeof query.error_description === 'string' ? query.error_description : '';
      throw new Refusal(
        403,
        'Sign-in refused',
        `The identity provider did not sign you in (${query.error}${said ? `: ${said}` : ''}).`,
      );
    }
    if (!flow) {
      throw new Refusal(
        400,
        'Sign-in expired',
        'This sign-in did not start here, took longer than ten minutes, or was already used: start again.',
      );
    }
    if (query.state !== flow.state || typeof query.code !== 'string') {
      throw new Refusal(
        400,
        'Sign-in refused',
        'The answer from the identity provider does not belong to this sign-in (state): start again.',
      );
    }
    const url = new URL(flow.redirectUri);
    url.search = new URLSearchParams(query as Record<string, string>).toString();
    const signedIn = await client.finish(url, flow);
    const roles = matchedRoles(opts.sso, signedIn.values);
    const profiles = grantedProfiles(opts.sso, roles);
    const who = signedIn.name ?? signedIn.email ?? signedIn.subject;
    noteAudit(request, {
      user: { subject: signedIn.subject, name: signedIn.name, email: signedIn.email, who },
    });
    if (profiles.length === 0) {
      throw new Refusal(
        403,
        'No access',
        `${who} is signed in at the identity provider, but none of their ${opts.sso.claim} gives access to Stowage. Ask an administrator for a role.`,
      );
    }
    const now = Date.now();
    const user: SessionData = {
      sid: newSessionId(),
      profile: profiles[0]!,
      via: 'sso',
      sso: {
        subject: signedIn.subject,
        name: signedIn.name,
        email: signedIn.email,
        roles,
        until: signedIn.expiresAt,
        idToken: signedIn.idToken,
      },
      createdAt: now,
      lastSeen: now,
    };
    noteAudit(request, { profile: user.profile });
    const profile = app.profileByName(user.profile);
    if (!profile || !identityOf(app.access, profile, user)) {
      throw new Refusal(403, 'No access', `The profile ${user.profile} cannot be used.`);
    }
    return user;
  }

  app.post(
    `${SSO_FLOW_PATH.replace(/^\/api/, '')}/profile`,
    {
      // The line's profile is the one switched to (its `user` is the person).
      config: {
        audit: {
          action: 'auth.profile.switch',
          target: (request) => {
            const profile = (request.body as { profile?: unknown } | undefined)?.profile;
            return typeof profile === 'string' ? { profile } : {};
          },
        },
      },
      schema: {
        tags: ['session'],
        summary: "Single sign-on: switch to another profile the person's roles grant",
        body: SsoProfileBodySchema,
        response: { 200: SessionResponseSchema, ...errorResponses },
      },
    },
    async (request) => {
      const data = request.session.get('user');
      if (!data || data.via !== 'sso' || !data.sso) {
        throw badRequest('Only a single sign-on session picks its profile this way');
      }
      const name = request.body.profile;
      if (!grantedProfiles(opts.sso, data.sso.roles).includes(name)) {
        throw new HttpError('SsoNoRole', `Your roles do not give you the profile ${name}`);
      }
      const next: SessionData = { ...data, profile: name, lastSeen: Date.now() };
      const identity = identityOf(app.access, app.profileByName(name)!, next);
      if (!identity) throw new HttpError('SsoNoRole', `The profile ${name} cannot be used`);
      request.session.set('user', next);
      request.identity = identity;
      return sessionResponse(app, request);
    },
  );
};

const unavailable = () =>
  new Refusal(
    502,
    'Identity provider unavailable',
    'The identity provider cannot be reached or answered wrongly: try again later, or tell the operator.',
  );

/** The library's errors as pages: a refused code or token is the sign-in's fault, not ours. */
function classify(err: unknown): Refusal {
  if (err instanceof SsoErrors.AuthorizationResponseError) {
    return new Refusal(403, 'Sign-in refused', `The identity provider said: ${err.error}.`);
  }
  if (err instanceof SsoErrors.ResponseBodyError) {
    return new Refusal(
      400,
      'Sign-in refused',
      `The identity provider refused the sign-in code (${err.error}): start again.`,
    );
  }
  if (err instanceof SsoErrors.ClientError && !isNetworkError(err)) {
    return new Refusal(
      400,
      'Sign-in refused',
      "The identity provider's answer failed validation: start again.",
    );
  }
  return unavailable();
}

function isNetworkError(err: unknown): boolean {
  for (let e = err; e instanceof Error; e = e.cause) {
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return true;
    if (e instanceof TypeError && /fetch failed/i.test(e.message)) return true;
    if ('code' in e && typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code)) return true;
  }
  return false;
}

export default route;
