import type { FastifyRequest } from 'fastify';

/** What a request names, as an audit line says it. */
export interface AuditTarget {
  bucket?: string | undefined;
  key?: string | undefined;
  keys?: readonly string[] | undefined;
  prefix?: string | undefined;
  /** The bucket setting a settings route changes (`cors`, `lifecycle`…). */
  setting?: string | undefined;
  /** A share or upload link's id. */
  link?: string | undefined;
  /**
   * The profile acted with, when no session says it (an upload link) or the request changes it
   * (a single sign-on, a switch of profile).
   */
  profile?: string | undefined;
  /** The person, when the request itself signs them in (single sign-on's callback). */
  user?:
    | { subject: string; name?: string | undefined; email?: string | undefined; who: string }
    | undefined;
  /** Where a copy, move or rename went. */
  to?: { bucket: string; key?: string | undefined; prefix?: string | undefined } | undefined;
}

/** Counts an answer carries: failed keys, done keys, bytes stored. */
export interface AuditCounts {
  errors?: number | undefined;
  done?: number | undefined;
  bytes?: number | undefined;
}

/**
 * A state-changing route's `config.audit`: the action's stable name, and how to read what the
 * request names (default: `params.bucket` and `query.key`) and what its answer counts.
 */
export interface AuditDeclaration {
  /** A stable name (`object.delete`), or one chosen by the request (copy or move). */
  action: string | ((request: FastifyRequest) => string);
  target?: (request: FastifyRequest) => AuditTarget;
  /** From the route's result (the JSON answer, or a streamed answer's summary line). */
  counts?: (result: unknown) => AuditCounts;
}

/** A route that changes nothing although its method could (a read by POST) says why. */
export interface AuditSkip {
  skip: string;
}

export type AuditConfig = AuditDeclaration | AuditSkip;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** State-changing routes declare their audit line (audit/README.md); a test holds them to it. */
    audit?: AuditConfig;
  }
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const obj = (v: unknown) =>
  typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
const strings = (v: unknown) =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : undefined;

/** `params.bucket`, `query.key`: what most routes name. */
export function defaultTarget(request: FastifyRequest): AuditTarget {
  return { bucket: str(obj(request.params).bucket), key: str(obj(request.query).key) };
}

/** The body's `keys`, `prefix` (and `prefixes`, as more keys) beside `params.bucket`. */
export function bodyKeysTarget(request: FastifyRequest): AuditTarget {
  const body = obj(request.body);
  const keys = [...(strings(body.keys) ?? []), ...(strings(body.prefixes) ?? [])];
  return {
    bucket: str(obj(request.params).bucket),
    keys: keys.length ? keys : undefined,
    prefix: str(body.prefix),
  };
}

/** The body's `key` (a share link's object) beside `params.bucket`. */
export const bodyKeyTarget = (request: FastifyRequest): AuditTarget => ({
  bucket: str(obj(request.params).bucket),
  key: str(obj(request.body).key),
});

/** `{ errors: [...] }` and a count of what was done, for bulk answers. */
export const bulkCounts =
  (doneField: string) =>
  (result: unknown): AuditCounts => {
    const r = obj(result);
    return {
      errors: Array.isArray(r.errors) ? r.errors.length : undefined,
      done: typeof r[doneField] === 'number' ? r[doneField] : undefined,
    };
  };

/** An upload's answer: its `size`. */
export const uploadCounts = (result: unknown): AuditCounts => {
  const size = obj(result).size;
  return { bytes: typeof size === 'number' ? size : undefined };
};

/** What a route learned while it ran (an upload link's bucket and key), for its audit line. */
const NOTE = Symbol('auditNote');
export function noteAudit(request: FastifyRequest, target: AuditTarget) {
  const r = request as FastifyRequest & { [NOTE]?: AuditTarget };
  r[NOTE] = { ...r[NOTE], ...target };
}
export const auditNoteOf = (request: FastifyRequest) =>
  (request as FastifyRequest & { [NOTE]?: AuditTarget })[NOTE];

/** A streamed answer's summary line (copy-reply.ts), kept for the line written when it ends. */
const RESULT = Symbol('auditResult');
export function noteAuditResult(request: FastifyRequest, result: unknown) {
  (request as FastifyRequest & { [RESULT]?: unknown })[RESULT] = result;
}
export const auditResultOf = (request: FastifyRequest) =>
  (request as FastifyRequest & { [RESULT]?: unknown })[RESULT];
