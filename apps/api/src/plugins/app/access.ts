import fp from 'fastify-plugin';
import { bucketAllowed } from '@stowage/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AccessConfig } from '../../config/access.js';
import { checkCsrf } from '../../auth/csrf.js';
import { identityOf, type Identity } from '../../auth/identity.js';
import { isSessionData, sessionState, touchInterval } from '../../auth/session-data.js';
import type { SessionRevocations } from '../../auth/session-revocations.js';
import { StoreCache } from '../../auth/store-cache.js';
import type { AroundSend } from '../../store/s3-send-hooks.js';
import { linkKeyFrom } from '../../links/link-token.js';
import { forbidden, HttpError } from '../../errors.js';
import type { Profile } from '../../config/profiles.js';
import type { ObjectStore } from '../../store/object-store.js';
import { bucketError } from '../../store/key-policy.js';
import type { WebIdentityCredentials } from '../../store/s3-web-identity.js';

declare module 'fastify' {
  interface FastifyInstance {
    access: AccessConfig;
    /** Ended sessions (sign-out, sign out everywhere), checked on every request. */
    revocations: SessionRevocations;
    /** The stores (S3Store) of the profiles and keys in use (see auth/store-cache.ts). */
    stores: StoreCache;
    /** Identity passthrough's temporary credentials, per session (store/s3-web-identity.ts). */
    webIdentity: WebIdentityCredentials;
    /**
     * Drops what a session's identity passthrough holds (its credentials and stores): sign-out.
     * With a subject (sessionSubject), every session of that person: sign out everywhere.
     */
    forgetSessionCredentials(sessionId: string, subject?: string): void;
    /** The key relay and upload link tokens are signed with (links/link-token.ts). */
    linkKey: Buffer;
    profileByName(name: string): Profile | undefined;
    /** Every route as registered, with whether it answers without a session. */
    routeList: RouteEntry[];
  }
  interface FastifyRequest {
    /** Who the request acts as; null when not signed in. */
    identity: Identity | null;
    /** The S3 seam for this request's profile and keys: routes call it, nothing else. */
    objectStore: ObjectStore;
  }
  interface FastifyContextConfig {
    /** Answers without a session (health, the session routes themselves). */
    public?: boolean;
    /**
     * Also takes a same-origin urlencoded form POST without the CSRF header (auth/csrf.ts):
     * only for a read whose answer the browser must stream to disk (the zip of a selection).
     */
    sameOriginForm?: boolean;
    /**
     * A public link route (`/s/:token/…`): a state-changing request needs no CSRF header (the
     * recipient has no session to ride on), but cross-site and foreign-origin requests are still
     * refused (auth/csrf.ts).
     */
    publicLink?: boolean;
  }
}

export interface RouteEntry {
  method: string;
  url: string;
  public: boolean;
}

export const NOT_SIGNED_IN = 'Sign in to use Stowage';
export const SESSION_ENDED = 'Your session has ended: sign in again';
export const READ_ONLY = 'This connection is read-only';
/** Where a request keeps the store its identity resolved to. */
const STORE = Symbol('objectStore');

/**
 * The gate in front of every route, decided by the route the router matched (never by the raw
 * URL, which may spell `/api` as `/%61pi`): CSRF checks for every state-changing request, then
 * the session (encrypted cookie) → profile and keys → `request.objectStore`. It fails closed:
 * a route answers without a session only when marked `config.public` (health, the session
 * routes, the web build's files); every other answers 401, and `request.objectStore` itself
 * refuses a request without an identity, so no handler can reach a store without a session.
 */
export default fp<{
  access: AccessConfig;
  revocations: SessionRevocations;
  webIdentity: WebIdentityCredentials;
  /** Runs around every store call (metrics: plugins/app/metrics.ts); none when off. */
  watchStores?: AroundSend | undefined;
}>(
  async (app, opts) => {
    const { access, revocations, webIdentity } = opts;
    const byName = new Map(access.profiles.map((p) => [p.name, p]));
    const stores = new StoreCache(undefined, opts.watchStores);
    /** Session id → subject of the sessions that used passthrough (sign out everywhere). */
    const passthroughSessions = new Map<string, string>();
    const forgetSession = (sessionId: string) => {
      webIdentity.forget(sessionId);
      stores.forgetSession(sessionId);
      passthroughSessions.delete(sessionId);
    };
    app.decorate('access', access);
    app.decorate('revocations', revocations);
    app.decorate('stores', stores);
    app.decorate('webIdentity', webIdentity);
    app.decorate('forgetSessionCredentials', (sessionId: string, subject?: string) => {
      forgetSession(sessionId);
      if (subject === undefined) return;
      for (const [id, of] of [...passthroughSessions]) if (of === subject) forgetSession(id);
    });
    app.decorate('linkKey', linkKeyFrom(access.links.secret));
    app.decorate('profileByName', (name: string) => byName.get(name));
    app.decorateRequest('identity', null);
    app.decorateRequest('objectStore', {
      getter(this: FastifyRequest & { [STORE]?: ObjectStore }): ObjectStore {
        const identity = this.identity;
        if (!identity) throw new HttpError('NotSignedIn', NOT_SIGNED_IN);
        const passthrough = identity.webIdentity;
        if (passthrough && identity.session) {
          passthroughSessions.set(passthrough.sessionKey, identity.session.subject);
        }
        return (this[STORE] ??= passthrough
          ? stores.getPassthrough(identity.profile, passthrough, webIdentity)
          : stores.get(identity.profile, identity.keys!));
      },
    });
    app.addHook('onClose', async () => stores.destroy());
    const routeList: RouteEntry[] = [];
    app.decorate('routeList', routeList);
    app.addHook('onRoute', (route) => {
      const config = route.config as { public?: boolean } | undefined;
      for (const method of [route.method].flat()) {
        routeList.push({ method, url: route.url, public: config?.public === true });
      }
    });

    type Found = Identity | 'ended' | undefined;
    /**
     * The session's identity, refreshing lastSeen; an ended or revoked session is cleared.
     * Synchronous unless the revocations are asked elsewhere (Redis: a promise), so a request
     * with no session or with in-memory revocations waits for no promise (ADR 0002).
     */
    function fromSession(request: FastifyRequest): Found | Promise<Found> {
      const data = request.session.get('user');
      if (data === undefined) return undefined;
      const now = Date.now();
      const profile = isSessionData(data) ? byName.get(data.profile) : undefined;
      const identity = profile && identityOf(access, profile, data);
      const ended = (): 'ended' => {
        // An ended session's passthrough credentials and stores go with it.
        if (isSessionData(data)) forgetSession(data.sid);
        request.session.delete();
        return 'ended';
      };
      if (!identity?.session || sessionState(data, now, access.session) !== 'valid') return ended();
      const settle = (revoked: boolean): Found => {
        if (revoked) return ended();
        if (now - data.lastSeen >= touchInterval(access.session)) {
          request.session.set('user', { ...data, lastSeen: now });
        }
        return identity;
      };
      // With several instances, a question to Redis (shared-state/shared-revocations.ts).
      const revoked = revocations.isRevoked(
        identity.session.id,
        identity.session.subject,
        data.createdAt,
      );
      return typeof revoked === 'boolean' ? settle(revoked) : revoked.then(settle);
    }

    /** STOWAGE_AUTH=off: no session needed, the default profile with the keys the server holds. */
    function withoutAuth(): Identity {
      const profile = byName.get(access.defaultProfile)!;
      // Config allows auth off only with server-held keys or on the embedded store.
      const keys = profile.serverKeys ?? access.embeddedKeys;
      if (!keys) throw new Error(`The profile "${profile.name}" holds no keys to act with`);
      return {
        profile,
        keys,
        who: keys.accessKeyId,
        readOnly: access.readOnly || profile.readOnly,
        authRequired: false,
        expiresAt: Date.now() + access.session.maxMs,
      };
    }

    /** Sets request.identity; the error to answer with when the route needs one and has none. */
    function gate(request: FastifyRequest, found: Found): HttpError | undefined {
      const identity =
        typeof found === 'object' ? found : access.authRequired ? null : withoutAuth();
      request.identity = identity;
      // An unknown URL runs no handler but the 404 answer.
      if (identity || request.is404 || request.routeOptions.config.public === true) return;
      return found === 'ended'
        ? new HttpError('SessionEnded', SESSION_ENDED)
        : new HttpError('NotSignedIn', NOT_SIGNED_IN);
    }

    // Synchronous hooks: no promise per request unless the revocations answer with one.
    app.addHook('onRequest', (request, _reply, next) => {
      checkCsrf(request);
      const found = fromSession(request);
      if (!(found instanceof Promise)) return next(gate(request, found));
      found
        .then((f) => gate(request, f))
        .then(
          (err) => next(err),
          (err: Error) => next(err),
        );
    });

    // After validation, so a malformed bucket name is a 400 first.
    app.addHook('preHandler', (request, _reply, next) => {
      const bucket = (request.params as { bucket?: unknown } | undefined)?.bucket;
      next(
        typeof bucket === 'string'
          ? bucketError(bucket, request.identity?.profile.buckets)
          : undefined,
      );
    });
  },
  { name: 'access', dependencies: ['secure-session'] },
);

/** An onRequest hook for write routes: a read-only profile's session gets 403. */
export async function refuseReadOnly(request: FastifyRequest, _reply: FastifyReply) {
  if (request.identity?.readOnly) throw forbidden('ReadOnly', READ_ONLY);
}

/** Buckets this request's profile may see (its allowlist, if it has one). */
export function allowedBuckets<T extends { name: string }>(request: FastifyRequest, buckets: T[]) {
  const allowed = request.identity?.profile.buckets;
  return allowed ? buckets.filter((b) => bucketAllowed(b.name, allowed)) : buckets;
}
