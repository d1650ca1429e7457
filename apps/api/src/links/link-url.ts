import type { FastifyRequest } from 'fastify';
import { publicLinkPath } from '@stowage/shared';

declare module 'fastify' {
  interface FastifyInstance {
    /** STOWAGE_PUBLIC_URL (config/http.ts), what link URLs start with; else the request's own. */
    publicUrl: string | undefined;
  }
}

/**
 * Where a link's recipient reaches Stowage: STOWAGE_PUBLIC_URL when set, else the scheme and
 * Host this request came with (X-Forwarded-* only from a trusted proxy; the Host was checked
 * against the allowed names).
 */
export function publicOrigin(request: FastifyRequest): string {
  const configured = request.server.publicUrl;
  return configured ? configured.replace(/\/+$/, '') : `${request.protocol}://${request.host}`;
}

/** The absolute `/s/<token>` URL to hand out. */
export const publicLinkUrl = (request: FastifyRequest, token: string) =>
  `${publicOrigin(request)}${publicLinkPath(token)}`;
