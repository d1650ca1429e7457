import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditQuerySchema, AuditResponseSchema, type AuditResponse } from '@stowage/shared';
import { HttpError } from '../../errors.js';
import { readAuditTail } from '../../audit/audit-tail.js';
import { errorResponses } from './error-responses.js';

const route: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Recent audit entries, newest first, from the audit file (admins only)',
        description:
          'Read backwards from the end of the STOWAGE_AUDIT_LOG file (or from `before`, the ' +
          '`cursor` of a previous answer). 403 NotAdmin for a profile without `admin: true`; ' +
          '404 NoAuditFile when no audit file is configured (stdout only, or none).',
        querystring: AuditQuerySchema,
        response: { 200: AuditResponseSchema, ...errorResponses },
      },
    },
    async (request): Promise<AuditResponse> => {
      if (request.identity?.profile.admin !== true) {
        throw new HttpError('NotAdmin', 'Only an admin may read the audit log');
      }
      const file = app.auditLog?.file;
      if (file === undefined) {
        throw new HttpError(
          'NoAuditFile',
          'No audit file is configured: set STOWAGE_AUDIT_LOG to a file path (README: Audit log)',
        );
      }
      return readAuditTail(file, request.query);
    },
  );
};

export default route;
