import type { FastifyRequest } from 'fastify';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@stowage/shared';
import { forbidden } from '../errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A state-changing request must come from our own page: it carries the custom header (a
 * cross-site form cannot set one, and a cross-site fetch with one needs CORS, which we never
 * grant), and the browser does not call it cross-site or from another origin.
 */
export function checkCsrf(request: FastifyRequest): void {
  if (SAFE_METHODS.has(request.method)) return;
  const h = request.headers;
  if (h['sec-fetch-site'] === 'cross-site') {
    throw forbidden('CrossSiteRefused', 'Cross-site requests are refused');
  }
  const origin = h.origin;
  if (origin !== undefined && originOf(String(origin)) !== ownOrigin(request)) {
    throw forbidden('CrossSiteRefused', 'Requests from another origin are refused');
  }
  if (h[CSRF_HEADER] !== CSRF_HEADER_VALUE) {
    throw forbidden(
      'CrossSiteRefused',
      `This request needs the header ${CSRF_HEADER}: ${CSRF_HEADER_VALUE}`,
    );
  }
}

/** Scheme, host and port, normalised (default ports dropped); undefined for "null". */
function originOf(url: string): string | undefined {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined; // "null" (sandboxed or opaque origins) matches nothing
  }
}

/**
 * The origin this request was sent to: its scheme (X-Forwarded-Proto only from a trusted
 * proxy) and Host. The Host itself was checked against the allowed names already.
 */
const ownOrigin = (request: FastifyRequest) =>
  originOf(`${request.protocol}://${request.host}`) ?? 'none';
