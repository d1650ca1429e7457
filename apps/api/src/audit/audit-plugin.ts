import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuditEntry } from '@stowage/shared';
import {
  auditNoteOf,
  auditResultOf,
  defaultTarget,
  type AuditConfig,
  type AuditDeclaration,
  type AuditTarget,
} from './audit-declaration.js';
import type { AuditLog } from './audit-log.js';

/** The most keys one line names; `keyCount` says how many there were. */
export const MAX_AUDIT_KEYS = 20;

/** A route as registered, with its audit declaration and whether it is in the `writes` scope. */
export interface AuditedRoute {
  method: string;
  url: string;
  audit: AuditConfig | undefined;
  /** Registered in build-app.ts's `writes` scope (markWriteScope). */
  writeScope: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The audit log (STOWAGE_AUDIT_LOG), if any. */
    auditLog: AuditLog | undefined;
    /** Every route as registered with its `config.audit` (the coverage test reads it). */
    auditedRoutes: AuditedRoute[];
  }
}

const WRITE_SCOPE = Symbol('writeScope');

/** build-app.ts's writes scope: its routes must declare `config.audit` whatever their method. */
export function markWriteScope(scope: FastifyInstance) {
  scope.addHook('onRoute', (route) => {
    route.config = { ...route.config, [WRITE_SCOPE]: true } as typeof route.config;
  });
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Routes whose method changes state (or that sit in the writes scope) must declare `audit`. */
export const mustDeclare = (method: string, writeScope: boolean) =>
  writeScope || !READ_METHODS.has(method);

const isDeclaration = (c: AuditConfig | undefined): c is AuditDeclaration =>
  c !== undefined && 'action' in c;

const PAYLOAD = Symbol('auditPayload');
type Stashed = FastifyRequest & { [PAYLOAD]?: unknown };

/**
 * The audit log: one JSON line per state-changing request, written when it ends (onResponse),
 * from the route's `config.audit`. A state-changing route without a declaration stops the
 * app at ready (and fails the coverage test), so no new write route is forgotten.
 */
export default fp<{ log: AuditLog | undefined }>(
  async (app, opts) => {
    const log = opts.log;
    app.decorate('auditLog', log);
    const routes: AuditedRoute[] = [];
    app.decorate('auditedRoutes', routes);
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) {
        // Read when asked: the writes scope's own onRoute hook (markWriteScope) runs after this.
        routes.push({
          method,
          url: route.url,
          get audit() {
            return route.config?.audit;
          },
          get writeScope() {
            return (
              (route.config as { [WRITE_SCOPE]?: boolean } | undefined)?.[WRITE_SCOPE] === true
            );
          },
        });
      }
    });
    app.addHook('onReady', async () => {
      const missing = routes.filter((r) => mustDeclare(r.method, r.writeScope) && !r.audit);
      if (missing.length) {
        throw new Error(
          `State-changing routes without config.audit (audit/README.md): ${missing
            .map((r) => `${r.method} ${r.url}`)
            .join(', ')}`,
        );
      }
    });
    if (!log) return;

    app.addHook('preSerialization', async (request, _reply, payload) => {
      if (isDeclaration(request.routeOptions.config.audit)) (request as Stashed)[PAYLOAD] = payload;
      return payload;
    });
    app.addHook('onResponse', async (request, reply) => {
      const audit = request.routeOptions.config.audit;
      if (!isDeclaration(audit)) return;
      try {
        log.write(entryOf(request, reply, audit));
      } catch (err) {
        request.log.error({ err }, 'audit line not written');
      }
    });
  },
  { name: 'audit' },
);

function entryOf(
  request: FastifyRequest,
  reply: FastifyReply,
  audit: AuditDeclaration,
): AuditEntry {
  const target: AuditTarget = {
    ...targetOf(request, audit),
    ...auditNoteOf(request),
  };
  const result = auditResultOf(request) ?? (request as Stashed)[PAYLOAD];
  const counts = result !== undefined && audit.counts ? audit.counts(result) : {};
  const id = request.identity;
  const keys = target.keys;
  return {
    time: new Date().toISOString(),
    user: id
      ? id.user
        ? { subject: id.user.subject, name: id.user.name, email: id.user.email, who: id.who }
        : { who: id.who }
      : (target.user ?? signInAttempt(request)),
    profile: target.profile ?? id?.profile.name ?? signInProfile(request),
    client: request.ip,
    action: actionOf(request, audit),
    ...(target.bucket !== undefined ? { bucket: target.bucket } : {}),
    ...(target.key !== undefined ? { key: target.key } : {}),
    ...(keys ? { keys: keys.slice(0, MAX_AUDIT_KEYS), keyCount: keys.length } : {}),
    ...(target.prefix !== undefined ? { prefix: target.prefix } : {}),
    ...(target.setting !== undefined ? { setting: target.setting } : {}),
    ...(target.link !== undefined ? { link: target.link } : {}),
    ...(target.to !== undefined ? { to: target.to } : {}),
    result: {
      status: reply.statusCode,
      ...(counts.errors !== undefined ? { errors: counts.errors } : {}),
      ...(counts.done !== undefined ? { done: counts.done } : {}),
    },
    ...(counts.bytes !== undefined ? { bytes: counts.bytes } : {}),
    requestId: request.id,
  };
}

/** A sign-in that failed has no identity: the account it tried (never its secret). */
function signInAttempt(request: FastifyRequest): AuditEntry['user'] {
  if (request.routeOptions.config.audit === undefined) return null;
  const body = request.body as { accessKeyId?: unknown; password?: unknown } | undefined;
  if (!body || typeof body !== 'object' || request.routeOptions.url !== '/api/session') {
    return null;
  }
  if (typeof body.accessKeyId === 'string') return { who: body.accessKeyId };
  if (body.password !== undefined) return { who: 'dashboard password' };
  return null;
}

function signInProfile(request: FastifyRequest): string | null {
  if (request.routeOptions.url !== '/api/session') return null;
  const profile = (request.body as { profile?: unknown } | undefined)?.profile;
  return typeof profile === 'string' ? profile : request.server.access.defaultProfile;
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/**
 * What the request names, from the route's declaration; only strings are kept (a refused body
 * may hold anything), and a declaration that cannot read the request (a 400's body) falls back
 * to the params and query.
 */
function targetOf(request: FastifyRequest, audit: AuditDeclaration): AuditTarget {
  let t: AuditTarget;
  try {
    t = (audit.target ?? defaultTarget)(request);
  } catch {
    t = defaultTarget(request);
  }
  const keys = Array.isArray(t.keys) ? t.keys.filter((k) => typeof k === 'string') : undefined;
  const to = t.to && typeof t.to === 'object' ? t.to : undefined;
  return {
    bucket: str(t.bucket),
    key: str(t.key),
    keys: keys?.length ? keys : undefined,
    prefix: str(t.prefix),
    setting: str(t.setting),
    link: str(t.link),
    profile: str(t.profile),
    to:
      to && typeof to.bucket === 'string'
        ? { bucket: to.bucket, key: str(to.key), prefix: str(to.prefix) }
        : undefined,
  };
}

function actionOf(request: FastifyRequest, audit: AuditDeclaration): string {
  if (typeof audit.action === 'string') return audit.action;
  try {
    return audit.action(request);
  } catch {
    return 'unknown';
  }
}
