import { z } from 'zod';

/** `GET /api/audit`: recent audit entries, admins only (apps/api/src/audit/README.md). */
export const AUDIT_PATH = '/api/audit';

/** One line of the audit log (STOWAGE_AUDIT_LOG): one state-changing request, when it ended. */
export const AuditEntrySchema = z.object({
  /** ISO 8601, when the request ended. */
  time: z.string(),
  /** The SSO person, else the access key id or "dashboard password"; null: nobody signed in. */
  user: z
    .object({
      subject: z.string().optional(),
      name: z.string().optional(),
      email: z.string().optional(),
      who: z.string().optional(),
    })
    .nullable(),
  profile: z.string().nullable(),
  /** The client's address as the server resolves it (trusted proxies' X-Forwarded-For). */
  client: z.string(),
  /** A stable name per route: `object.delete`, `objects.copy`, `auth.sign-in`… */
  action: z.string(),
  bucket: z.string().optional(),
  key: z.string().optional(),
  /** At most 20 keys; `keyCount` says how many the request named. */
  keys: z.array(z.string()).optional(),
  keyCount: z.number().int().nonnegative().optional(),
  prefix: z.string().optional(),
  /** The bucket setting changed (`cors`, `lifecycle`…). */
  setting: z.string().optional(),
  /** A share or upload link's id (revoke, unlock, an upload through it). */
  link: z.string().optional(),
  /** Where a copy, move or rename went. */
  to: z
    .object({ bucket: z.string(), key: z.string().optional(), prefix: z.string().optional() })
    .optional(),
  result: z.object({
    status: z.number().int(),
    /** Keys that failed, for bulk answers that report them per key. */
    errors: z.number().int().nonnegative().optional(),
    /** Keys done (deleted, copied…), when the answer counts them. */
    done: z.number().int().nonnegative().optional(),
  }),
  /** Bytes an upload stored. */
  bytes: z.number().int().nonnegative().optional(),
  requestId: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const MAX_AUDIT_LIMIT = 500;

export const AuditQuerySchema = z.object({
  bucket: z.string().min(1).max(255).optional(),
  /** Matches the user's subject, name, e-mail or who (exact, case-insensitive). */
  user: z.string().min(1).max(512).optional(),
  /** An action, or an action prefix ending with `.` (`object.`). */
  action: z.string().min(1).max(100).optional(),
  limit: z.coerce
    .number({ message: 'limit must be a number' })
    .int('limit must be a whole number')
    .min(1, 'limit is at least 1')
    .max(MAX_AUDIT_LIMIT, `limit is at most ${MAX_AUDIT_LIMIT}`)
    .default(100),
  /** The `cursor` of the previous page: entries older than it. */
  before: z
    .string()
    .regex(/^\d{1,15}$/, 'before is the cursor of a previous answer')
    .optional(),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditResponseSchema = z.object({
  /** Newest first. */
  entries: z.array(AuditEntrySchema),
  /** Pass as `before` for older entries; null: the start of the file was reached. */
  cursor: z.string().nullable(),
});
export type AuditResponse = z.infer<typeof AuditResponseSchema>;
