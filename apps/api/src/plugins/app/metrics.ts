import { createHash, timingSafeEqual } from 'node:crypto';
import type { Socket } from 'node:net';
import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { HttpError } from '../../errors.js';
import type { BufferBudget } from '../../upload/buffer-budget.js';
import type { AroundSend } from '../../store/s3-send-hooks.js';

/** An S3 error's name as a label: the SDK's code (NoSuchKey…), never free text. */
function errorLabel(err: unknown): string {
  const name = (err as { name?: unknown } | null)?.name;
  return typeof name === 'string' && /^[A-Za-z][A-Za-z0-9.]{0,63}$/.test(name) ? name : 'Other';
}

/**
 * What `/metrics` shows (Prometheus text format, prom-client), in one registry of this app's
 * own. Made only with STOWAGE_METRICS_TOKEN: without it there is no hook, no wrapper around the
 * store's calls, nothing measured.
 */
export class Meters {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'stowage_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern (never the raw URL) and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  readonly duration = new Histogram({
    name: 'stowage_http_request_duration_seconds',
    help: 'Time from the request to the end of its answer, by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    registers: [this.registry],
  });
  readonly bytesIn = new Counter({
    name: 'stowage_http_received_bytes_total',
    help: 'Bytes received from clients (requests, headers included), by route pattern',
    labelNames: ['route'] as const,
    registers: [this.registry],
  });
  readonly bytesOut = new Counter({
    name: 'stowage_http_sent_bytes_total',
    help: 'Bytes sent to clients (answers, headers included), by route pattern',
    labelNames: ['route'] as const,
    registers: [this.registry],
  });
  readonly s3Calls = new Counter({
    name: 'stowage_s3_requests_total',
    help: 'Commands sent to the store, by operation and outcome (ok, or the S3 error code)',
    labelNames: ['operation', 'code'] as const,
    registers: [this.registry],
  });
  readonly s3Duration = new Histogram({
    name: 'stowage_s3_request_duration_seconds',
    help: 'Time of one command to the store (retries included), by operation',
    labelNames: ['operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  readonly signIns = new Counter({
    name: 'stowage_sign_ins_total',
    help: 'Sessions started (password, keys or single sign-on)',
    registers: [this.registry],
  });
  readonly signOuts = new Counter({
    name: 'stowage_sign_outs_total',
    help: 'Sessions ended by sign-out or sign out everywhere (not those that expired)',
    registers: [this.registry],
  });

  constructor(budget: BufferBudget) {
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: 'stowage_upload_budget_waiting',
      help: 'Uploads waiting for the upload memory budget (STOWAGE_UPLOAD_BUFFER_MIB)',
      registers: [this.registry],
      collect() {
        this.set(budget.waiting);
      },
    });
    new Gauge({
      name: 'stowage_upload_budget_reserved_bytes',
      help: 'Bytes of the upload memory budget reserved by uploads in flight',
      registers: [this.registry],
      collect() {
        this.set(budget.reservedBytes);
      },
    });
  }

  /** Around every store command (auth/store-cache.ts): counts it and times it. */
  readonly watchSend: AroundSend = async (operation, _input, send) => {
    const end = this.s3Duration.startTimer({ operation });
    try {
      const out = await send();
      this.s3Calls.inc({ operation, code: 'ok' });
      return out;
    } catch (err) {
      this.s3Calls.inc({ operation, code: errorLabel(err) });
      throw err;
    } finally {
      end();
    }
  };
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** The Authorization header names the token: compared in constant time (hashes of equal length). */
function bearerMatches(request: FastifyRequest, token: Buffer): boolean {
  const m = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '');
  return m ? timingSafeEqual(digest(m[1]!), token) : false;
}

interface Mark {
  read: number;
  written: number;
}

/**
 * `GET /metrics` behind `Authorization: Bearer <STOWAGE_METRICS_TOKEN>` (401 otherwise), and the
 * hooks that feed it. Registered only when the token is set (build-app.ts).
 */
export default fp<{ token: string; meters: Meters }>(
  async (app, opts) => {
    const { meters } = opts;
    const token = digest(opts.token);
    // Per connection, what it had read and written when its last answer ended: a request's
    // bytes are the difference (keep-alive requests follow one another on a connection), the
    // body's first bytes read with the head included.
    const marks = new WeakMap<Socket, Mark>();
    app.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url ?? 'unmatched';
      const status = String(reply.statusCode);
      meters.requests.inc({ method: request.method, route, status });
      meters.duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
      const socket = request.raw.socket;
      // (An injected request, light-my-request's, has no real socket: nothing to count.)
      if (socket && Number.isFinite(socket.bytesRead)) {
        const mark = marks.get(socket) ?? { read: 0, written: 0 };
        const now = { read: socket.bytesRead, written: socket.bytesWritten };
        marks.set(socket, now);
        if (now.read > mark.read) meters.bytesIn.inc({ route }, now.read - mark.read);
        if (now.written > mark.written) meters.bytesOut.inc({ route }, now.written - mark.written);
      }
      if (reply.statusCode >= 400) return;
      const action = (request.routeOptions.config as { audit?: { action?: string } } | undefined)
        ?.audit?.action;
      if (action === 'auth.sign-in') meters.signIns.inc();
      else if (action === 'auth.sign-out' && request.identity?.session) meters.signOuts.inc();
      else if (action === 'auth.sign-out-everywhere') meters.signOuts.inc();
    });
    app.get(
      '/metrics',
      { config: { public: true }, schema: { hide: true } },
      async (request, reply) => {
        if (!bearerMatches(request, token)) {
          reply.header('www-authenticate', 'Bearer');
          throw new HttpError('NotSignedIn', 'The metrics need Authorization: Bearer <token>');
        }
        const text = await meters.registry.metrics();
        return reply.type(meters.registry.contentType).send(text);
      },
    );
  },
  { name: 'metrics' },
);
