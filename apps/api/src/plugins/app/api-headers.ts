import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { REQUEST_ID_HEADER } from '@stowage/shared';

/** The answering instance's STOWAGE_INSTANCE_ID, on every answer when it is set. */
export const INSTANCE_HEADER = 'x-stowage-instance';

/** The API's path, whether the request found a route there or not. */
export const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/');

/** The request's path as the router reads it: percent-escapes decoded once. */
export function routedPath(request: FastifyRequest): string {
  const raw = request.url.split('?')[0] ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * The request is on the API's path: by its route's pattern when the router matched one (no
 * need to decode the URL), by the decoded path otherwise (an unknown `/api/…` URL's 404).
 */
export const onApiPath = (request: FastifyRequest): boolean => {
  const pattern = request.routeOptions.url;
  return isApiPath(pattern ?? routedPath(request));
};

/**
 * Every answer carries `x-request-id`. API answers are never stored by a browser or a proxy
 * cache: they hold object listings, metadata and content of a signed-in user
 * (`Cache-Control: no-store`, unless a route sets its own: a route's reply.header replaces it).
 * Set in one synchronous onRequest hook, not in an onSend hook (every answer's payload through
 * one more hook): ADR 0002. An error thrown before this hook runs (host-check's 421) gets
 * `no-store` from the error handler (plugins/app/error-handler.ts).
 */
export default fp<{ instanceId?: string | undefined }>(
  (app, opts, done) => {
    const instance = opts.instanceId;
    // Every answer names its request, as the log and an error body do, and the instance that
    // answered (STOWAGE_INSTANCE_ID), so one behind a load balancer can be told apart.
    app.addHook('onRequest', (request, reply, next) => {
      reply.header(REQUEST_ID_HEADER, request.id);
      if (instance) reply.header(INSTANCE_HEADER, instance);
      if (onApiPath(request)) reply.header('cache-control', 'no-store');
      next();
    });
    done();
  },
  { name: 'api-headers' },
);
