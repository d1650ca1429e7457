import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AccessConfig } from '../../access-config.js';
import { checkCsrf } from '../../auth/csrf.js';
import { identityOf, type Identity } from '../../auth/identity.js';
import { isSessionData, sessionState, touchInterval } from '../../auth/session-data.js';
import { StoreCache } from '../../auth/store-cache.js';
import { forbidden, HttpError } from '../../errors.js';
import type { Profile } from '../../profiles.js';
import type { S3Store } from '../../store/s3-store.js';

declare module 'fastify' {
  interface FastifyInstance {
    access: AccessConfig;
    /** The S3Stores of the profiles and keys in use (see auth/store-cache.ts). */
    stores: StoreCache;
    profileByName(name: string): Profile | undefined;
    /** Every route as registered, with whether it answers without a session. */
    routeList: RouteEntry[];
  }
  interface FastifyRequest {
    /** Who the request acts as; null when not signed in. */
    identity: Identity | null;
    /** The S3 seam for this request's profile and keys: routes call it, nothing else. */
    objectStore: S3Store;
  }
  interface FastifyContextConfig {
    /** Answers without a session (health, the session routes themselves). */
    public?: boolean;
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

const isApi = (url: string) => url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');

/**
 * The gate in front of every /api route: CSRF checks for state-changing requests, then the
 * session (encrypted cookie) → profile and keys → `request.objectStore`. A route marked
 * `config.public` answers without a session; every other answers 401.
 */
export default fp<{ access: AccessConfig }>(
  async (app, opts) => {
    const access = opts.access;
    const byName = new Map(access.profiles.map((p) => [p.name, p]));
    const stores = new StoreCache();
    app.decorate('access', access);
    app.decorate('stores', stores);
    app.decorate('profileByName', (name: string) => byName.get(name));
    app.decorateRequest('identity', null);
    app.decorateRequest('objectStore', null as unknown as S3Store);
    app.addHook('onClose', async () => stores.destroy());
    const routeList: RouteEntry[] = [];
    app.decorate('routeList', routeList);
    app.addHook('onRoute', (route) => {
      const config = route.config as { public?: boolean } | undefined;
      for (const method of [route.method].flat()) {
        routeList.push({ method, url: route.url, public: config?.public === true });
      }
    });

    /** The session's identity, refreshing lastSeen; an ended session is cleared. */
    function fromSession(request: FastifyRequest): Identity | 'ended' | undefined {
      const data = request.session.get('user');
      if (data === undefined) return undefined;
      const now = Date.now();
      const profile = isSessionData(data) ? byName.get(data.profile) : undefined;
      const identity = profile && identityOf(access, profile, data);
      if (!identity || sessionState(data, now, access.session) !== 'valid') {
        request.session.delete();
        return 'ended';
      }
      if (now - data.lastSeen >= touchInterval(access.session)) {
        request.session.set('user', { ...data, lastSeen: now });
      }
      return identity;
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

    app.addHook('onRequest', async (request) => {
      if (!isApi(request.url)) return;
      checkCsrf(request);
      const found = fromSession(request);
      const identity =
        typeof found === 'object' ? found : access.authRequired ? null : withoutAuth();
      request.identity = identity;
      if (identity) request.objectStore = stores.get(identity.profile, identity.keys);
      if (!identity && !request.routeOptions.config.public) {
        throw new HttpError(401, found === 'ended' ? SESSION_ENDED : NOT_SIGNED_IN);
      }
    });

    // After validation, so a malformed bucket name is a 400 first.
    app.addHook('preHandler', async (request) => {
      const bucket = (request.params as { bucket?: unknown } | undefined)?.bucket;
      const allowed = request.identity?.profile.buckets;
      if (typeof bucket === 'string' && allowed && !allowed.includes(bucket)) {
        throw forbidden(`This connection may not use the bucket ${bucket}`);
      }
    });
  },
  { name: 'access', dependencies: ['secure-session'] },
);

/** An onRequest hook for write routes: a read-only profile's session gets 403. */
export async function refuseReadOnly(request: FastifyRequest, _reply: FastifyReply) {
  if (request.identity?.readOnly) throw forbidden(READ_ONLY);
}

/** Buckets this request's profile may see (its allowlist, if it has one). */
export function allowedBuckets<T extends { name: string }>(request: FastifyRequest, buckets: T[]) {
  const allowed = request.identity?.profile.buckets;
  return allowed ? buckets.filter((b) => allowed.includes(b.name)) : buckets;
}
