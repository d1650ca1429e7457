import type { FastifyRequest } from 'fastify';
import { publicLinkPath } from '@stowage/shared';

/**
 * The absolute URL of a `/s/<token>` link: under STOWAGE_PUBLIC_URL when set (its path kept,
 * for a Stowage behind a path prefix), else the origin the request that made it was sent to
 * (its Host was checked against the allowed names; X-Forwarded-Proto only from a trusted proxy).
 */
export function publicLinkUrl(
  request: FastifyRequest,
  publicUrl: string | undefined,
  token: string,
): string {
  const base = publicUrl ? publicUrl.replace(/\/+$/, '') : `${request.protocol}://${request.host}`;
  return `${base}${publicLinkPath(token)}`;
}
