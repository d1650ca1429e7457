import fp from 'fastify-plugin';
import type { FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { STATUS_CODES } from 'node:http';
import { HttpError } from '../../errors.js';

const body = (statusCode: number, message: string) => ({
  statusCode,
  error: STATUS_CODES[statusCode] ?? 'Error',
  message,
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
 * Every error, ours or Fastify's, leaves as `{ statusCode, error, message }`. A 5xx that is
 * not one of our HttpErrors is logged and answered without its internal text.
 */
export default fp(
  async (app) => {
    app.setErrorHandler((err: FastifyError | HttpError, request, reply) => {
      if (err instanceof HttpError) {
        if (err.statusCode >= 500) request.log.warn({ status: err.statusCode }, err.message);
        return reply
          .code(err.statusCode)
          .headers(err.headers)
          .send(body(err.statusCode, err.message));
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
        return reply.code(400).send(body(400, message));
      }
      const status = err.statusCode ?? 500;
      if (status >= 500) {
        request.log.error(err);
        return reply.code(500).send(body(500, 'Internal error'));
      }
      return reply.code(status).send(body(status, err.message));
    });

    app.setNotFoundHandler((request, reply) => {
      reply.code(404).send(body(404, `No route ${request.method} ${request.url.split('?')[0]}`));
    });
  },
  { name: 'error-handler' },
);
