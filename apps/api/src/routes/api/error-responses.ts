import { ApiErrorSchema, ERROR_STATUS, type ErrorCode } from '@stowage/shared';

/**
 * The one map of error answers, documented on every route: each status with the codes it
 * carries (packages/shared error-codes.ts). Any route may answer most of them — a Host that
 * names another server, a session that ended, a busy store — so every route lists them all.
 */
const codesByStatus = new Map<number, ErrorCode[]>();
for (const [code, status] of Object.entries(ERROR_STATUS) as [ErrorCode, number][]) {
  codesByStatus.set(status, [...(codesByStatus.get(status) ?? []), code]);
}

export const errorResponses = Object.fromEntries(
  [...codesByStatus].map(([status, codes]) => [
    status,
    ApiErrorSchema.describe(`code: ${codes.join(', ')}`),
  ]),
) as Record<number, typeof ApiErrorSchema>;
