import type { FastifyReply } from 'fastify';
import type { ObjectContent } from '../store/object-store.js';

/**
 * An object's bytes as an answer: the signed-in content route (routes/api/get-object-content.ts)
 * and a relay link (routes/public/link-download.ts) send them the same way.
 */

/** S3 serves one range per request; anything else is ignored, as RFC 9110 allows. */
const SINGLE_RANGE = /^bytes=(\d+-\d*|-\d+)$/;
/** A header value Node will send as is (the store's Content-Type is not trusted blindly). */
const SAFE_HEADER = /^[\t\x20-\x7e]*$/;

/** The Range header to pass on to the store: one range, or none (the whole object). */
export const singleRange = (range: string | undefined) =>
  range && SINGLE_RANGE.test(range) ? range : undefined;

/** The store's Content-Type when it is a plain header value, else application/octet-stream. */
export const safeContentType = (content: Pick<ObjectContent, 'contentType'>) =>
  content.contentType && SAFE_HEADER.test(content.contentType)
    ? content.contentType
    : 'application/octet-stream';

/**
 * Status (200, or 206 with Content-Range), type, length, validators and `nosniff`; the caller
 * sets Content-Disposition and its Content-Security-Policy. A range past the end is the store's
 * 416 (InvalidRange), thrown before this.
 */
export function sendObjectContent(
  reply: FastifyReply,
  content: ObjectContent,
  headers: { contentType: string; contentDisposition: string; csp: string },
) {
  reply
    .code(content.statusCode)
    .header('content-type', headers.contentType)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', headers.csp)
    .header('accept-ranges', 'bytes')
    .header('content-disposition', headers.contentDisposition);
  if (content.contentLength !== undefined) reply.header('content-length', content.contentLength);
  if (content.contentRange) reply.header('content-range', content.contentRange);
  if (content.etag) reply.header('etag', content.etag);
  if (content.lastModified) reply.header('last-modified', content.lastModified.toUTCString());
  return reply.send(content.body);
}
