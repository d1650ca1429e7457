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
            return field ? `${field}: ${v.message}` : (v.message ?? 'invalid');
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
