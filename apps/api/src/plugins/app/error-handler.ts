import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { STATUS_CODES } from 'node:http';
import { codeForStatus, REQUEST_ID_HEADER, type ApiError, type ErrorCode } from '@stowage/shared';
import { HttpError } from '../../errors.js';
import { isSharedStateOutage, SHARED_STATE_DOWN } from '../../shared-state/redis.js';
import { setSecurityHeaders } from '../external/helmet.js';
import { onApiPath } from './api-headers.js';

/** The one error body: the status, its reason, the stable code, the message, the request id. */
export const errorBody = (
  request: FastifyRequest,
  statusCode: number,
  code: ErrorCode,
  message: string,
): ApiError => ({
  statusCode,
  error: STATUS_CODES[statusCode] ?? 'Error',
  code,
  message,
  requestId: request.id,
});

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
}
const line = (field: string, message: string) => (field ? `${field}: ${message}` : message);

/**
 * A union's own message is "Invalid input": show the branch the client meant (the only one
 * failing for more than a missing or mistyped field, e.g. `keys` over its limit), else all.
 */
function unionMessage(field: string, branches: Issue[][]): string {
  // Each form refuses the other's field only: the body mixes two forms (`keys` and `prefix`).
  if (branches.every((b) => b.length > 0 && b.every((i) => i.code === 'unrecognized_keys'))) {
    const names = [
      ...new Set(branches.flat().flatMap((i) => (i as { keys?: string[] }).keys ?? [])),
    ];
    return line(field, `${names.sort().join(' and ')} cannot be sent together: send one of them`);
  }
  const meant = branches.filter((b) => b.some((i) => i.code !== 'invalid_type'));
  return (meant.length === 1 ? meant : branches)
    .map((b) =>
      b
        .map((i) => line([field, ...i.path.map(String)].filter(Boolean).join('.'), i.message))
        .join('; '),
    )
    .join(' or ');
}

/**
 * Every error, ours or Fastify's, leaves as `{ statusCode, error, code, message, requestId }`. A 5xx that is
 * not one of our HttpErrors is logged and answered without its internal text.
 */
export default fp(
  async (app) => {
    app.setErrorHandler((err: FastifyError | HttpError, request, reply) => {
      // An error thrown before api-headers' onRequest hook (host-check's 421) is not stored
      // either; an answer the route gave its own Cache-Control keeps it.
      if (!reply.hasHeader('cache-control') && onApiPath(request)) {
        reply.header('cache-control', 'no-store');
      }
      if (err instanceof HttpError) {
        if (err.statusCode >= 500) {
          request.log.warn({ status: err.statusCode, code: err.code }, err.message);
        }
        return reply
          .code(err.statusCode)
          .headers(err.headers)
          .send(errorBody(request, err.statusCode, err.code, passthroughMessage(request, err)));
      }
      if (hasZodFastifySchemaValidationErrors(err)) {
        const message = err.validation
          .map((v) => {
            const field = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
            const branches = (v.params as { errors?: Issue[][] }).errors;
            if (v.keyword === 'invalid_union' && branches) return unionMessage(field, branches);
            return line(field, v.message ?? 'invalid');
          })
          .join('; ');
        return reply.code(400).send(errorBody(request, 400, 'BadRequest', message));
      }
      // A limit counted in Redis (STOWAGE_REDIS_URL) that cannot be asked: fail closed, said.
      if (isSharedStateOutage(err)) {
        request.log.warn({ err: err.message }, 'shared state unreachable');
        return reply
          .code(503)
          .header('retry-after', '5')
          .send(errorBody(request, 503, 'SharedStateUnavailable', SHARED_STATE_DOWN));
      }
      const status = err.statusCode ?? 500;
      if (status >= 500) {
        request.log.error(err);
        return reply.code(500).send(errorBody(request, 500, 'Internal', 'Internal error'));
      }
      // Fastify's own refusals (a body too large, a bad content type…): a code by status.
      return reply
        .code(status)
        .send(errorBody(request, status, codeForStatus(status), err.message));
    });

    app.setNotFoundHandler((request, reply) => {
      const message = `No route ${request.method} ${request.url.split('?')[0]}`;
      reply.code(404).send(errorBody(request, 404, 'NotFound', message));
    });
  },
  { name: 'error-handler' },
);

/**
 * What the router answers before any hook runs (Fastify's `frameworkErrors`): a malformed
 * %-escape in the path, an over-long path parameter. Same JSON shape, and the same security
 * headers as every other answer.
 */
export function frameworkErrorHandler(
  err: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  setSecurityHeaders(request, reply);
  const status = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : (err.statusCode ?? 400);
  const message =
    err.code === 'FST_ERR_BAD_URL'
      ? 'The URL is malformed (a bad %-escape)'
      : status === 414
        ? 'A part of the URL is too long'
        : 'The request could not be routed';
  void reply
    .code(status)
    .header('cache-control', 'no-store')
    .header(REQUEST_ID_HEADER, request.id)
    .send(
      errorBody(request, status, status === 414 ? 'BadRequest' : codeForStatus(status), message),
    );
}

/**
 * A store refusal under identity passthrough is the role's policy speaking, not wrong keys: the
 * message names the role (auth/identity.ts `webIdentity`, README "Identity passthrough (STS)").
 */
function passthroughMessage(request: FastifyRequest, err: HttpError): string {
  const role = request.identity?.webIdentity?.roleArn;
  if (!role || err.code !== 'StoreRefused') return err.message;
  return `${err.message.replace(/refused the credentials/, 'refused this request')}: your role ${role} does not allow it (its policy on the store decides)`;
}
