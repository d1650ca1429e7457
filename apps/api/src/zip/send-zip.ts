import type { FastifyReply, FastifyRequest } from 'fastify';
import { create as contentDisposition } from 'content-disposition';
import type { ZipPlan } from './zip-members.js';
import { writeZip } from './zip-writer.js';

export interface ZipRouteOptions {
  /** ZIP64 records in every zip, whatever its size (tests; see zip-writer.ts). */
  forceZip64?: boolean;
}

/**
 * Answers the planned zip: `application/zip`, an attachment named after the folder (the same
 * Content-Disposition as a single download: `filename*` when the name is not plain ASCII), no
 * length (the zip is built as it goes, so the answer is chunked).
 */
export async function sendZip(
  request: FastifyRequest,
  reply: FastifyReply,
  bucket: string,
  plan: ZipPlan,
  options: ZipRouteOptions,
) {
  const store = request.objectStore;
  const output = await writeZip(plan.members, {
    open: (key) => store.getObjectContent(bucket, key),
    log: request.log,
    forceZip64: options.forceZip64,
  });
  return reply
    .header('content-type', 'application/zip')
    .header('x-content-type-options', 'nosniff')
    .header(
      'content-disposition',
      contentDisposition(`${plan.filename}.zip`, { type: 'attachment' }),
    )
    .send(output);
}
