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
  // Our own page's form POST says "Origin: null" under its Referrer-Policy: no-referrer
  // (helmet's); then the browser's Sec-Fetch-Site: same-origin is the proof that decides.
  const nullSameOrigin = origin === 'null' && h['sec-fetch-site'] === 'same-origin';
  if (origin !== undefined && !nullSameOrigin && originOf(String(origin)) !== ownOrigin(request)) {
    throw forbidden('CrossSiteRefused', 'Requests from another origin are refused');
  }
  if (h[CSRF_HEADER] === CSRF_HEADER_VALUE) return;
  // A public link (an upload link's page, a link password): no session rides on it, so the
  // header has nothing to protect; the cross-site and origin checks above still apply.
  if (request.routeOptions.config.publicLink === true) return;
  if (isSameOriginForm(request)) return;
  throw forbidden(
    'CrossSiteRefused',
    `This request needs the header ${CSRF_HEADER}: ${CSRF_HEADER_VALUE}`,
  );
}

/**
 * The one exception to the header (docs/adr/0009-zip-download-of-a-selection.md): a route
 * marked `config.sameOriginForm` (the zip of a selection, a read) also takes a plain
 * urlencoded form POST, so the browser can stream its answer to disk, but only when the browser
 * proves the form is our own page's: `Sec-Fetch-Site: same-origin`, or an `Origin` equal to
 * ours. A request with neither is refused (an old browser, or not a browser: use the header).
 * Cross-site and foreign origins were refused above already.
 */
function isSameOriginForm(request: FastifyRequest): boolean {
  if (request.routeOptions.config.sameOriginForm !== true) return false;
  const type = String(request.headers['content-type'] ?? '');
  if (type.split(';')[0]!.trim().toLowerCase() !== FORM_TYPE) return false;
  const h = request.headers;
  if (h['sec-fetch-site'] === 'same-origin') return true;
  return h.origin !== undefined && originOf(String(h.origin)) === ownOrigin(request);
}

export const FORM_TYPE = 'application/x-www-form-urlencoded';

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
export const ownOrigin = (request: FastifyRequest) =>
  originOf(`${request.protocol}://${request.host}`) ?? 'none';
