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
 * Every answer carries `x-request-id`. API answers are never stored by a browser or a proxy cache: they hold object listings,
 * metadata and content of a signed-in user (`Cache-Control: no-store`, unless a route sets
 * its own).
 */
export default fp<{ instanceId?: string | undefined }>(
  async (app, opts) => {
    const instance = opts.instanceId;
    // Every answer names its request, as the log and an error body do, and the instance that
    // answered (STOWAGE_INSTANCE_ID), so one behind a load balancer can be told apart.
    app.addHook('onRequest', async (request, reply) => {
      reply.header(REQUEST_ID_HEADER, request.id);
      if (instance) reply.header(INSTANCE_HEADER, instance);
    });
    app.addHook('onSend', async (request, reply) => {
      if (isApiPath(routedPath(request)) && !reply.hasHeader('cache-control')) {
        reply.header('cache-control', 'no-store');
      }
    });
  },
  { name: 'api-headers' },
);
