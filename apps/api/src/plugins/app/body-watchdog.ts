import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import { HttpError } from '../../errors.js';

/** What a body must deliver in each window while the server waits for it. */
export const MIN_BODY_BYTES_PER_WINDOW = 1024;

interface Watch {
  /** Holds in force (holdBody): the server keeps the body back on purpose. */
  holds: number;
  /** Accounts for the time since the last look (see watchBody), before a hold begins. */
  look(): void;
  /** Starts the clock again from now, once a hold ends. */
  resume(): void;
}

const watches = new WeakMap<IncomingMessage, Watch>();

/**
 * Tells the watchdog that the server holds this request's body back on purpose (an upload
 * waiting for its turn at the memory budget): that time does not count against the client.
 * Returns the function that ends the hold (once; later calls do nothing).
 */
export function holdBody(request: FastifyRequest): () => void {
  const watch = watches.get(request.raw);
  if (!watch) return () => {};
  watch.look();
  watch.holds++;
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    watch.holds--;
    watch.resume();
  };
}

/** The request has a body to read: a length over 0, or chunked. */
const hasBody = (req: IncomingMessage) =>
  req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;

/**
 * A whole answer, written straight to the socket as Node does for its own timeouts, with the
 * headers the response holds already (the security headers set on every request).
 */
function rawAnswer(err: HttpError, res: ServerResponse, requestId: string): string {
  const error = STATUS_CODES[err.statusCode] ?? 'Error';
  const { statusCode, code, message } = err;
  const body = JSON.stringify({ statusCode, error, code, message, requestId });
  const own = new Set(['content-type', 'content-length', 'connection', 'cache-control']);
  const held = Object.entries(res.getHeaders())
    .filter(([name, value]) => !own.has(name) && value !== undefined)
    .map(([name, value]) => `${name}: ${[value].flat().join(', ')}\r\n`)
    .join('');
  return (
    `HTTP/1.1 ${err.statusCode} ${error}\r\n` +
    held +
    'cache-control: no-store\r\n' +
    'content-type: application/json; charset=utf-8\r\n' +
    `content-length: ${Buffer.byteLength(body)}\r\n` +
    'connection: close\r\n\r\n' +
    body
  );
}

/**
 * Cuts off request bodies that stall (STOWAGE_BODY_TIMEOUT_SECONDS). While the server waits
 * for the client's bytes — the request stream flows and has nothing buffered — a body must
 * deliver at least 1 KiB per window of `timeoutMs`. One that does not (a client gone silent,
 * or a trickle such as 1 byte every 5 s) is destroyed with a 408 error, logged: the route's
 * readers fail with it, so whatever the request held is released (an upload's budget
 * reservation; its multipart upload is aborted), and the socket is closed after a 408 answer
 * if none has started. Time the server holds the body back does not count: before a handler
 * reads it, while the stream is paused by backpressure (a busy store), and while a route holds
 * it (holdBody: an upload waiting for the budget). A slow but live client is never cut.
 *
 * It watches from the outside — socket.bytesRead and the stream's state, on an unref'd timer —
 * because a 'data' listener would switch the stream to flowing and read it for the route.
 * Fastify's connectionTimeout (socket idle) is not used for this: it would also cut answers
 * that take long to compute (a folder delete of 100k keys answers at the end) and uploads
 * waiting for the budget. Node's requestTimeout (the whole request, default 0 in Fastify) would
 * cut long uploads, so it stays off; its headersTimeout (60 s, checked every 30 s) already
 * bounds slow headers, which this watchdog never sees.
 *
 * After an early answer (e.g. 401 before the body is read) Node reads the rest of the body to
 * nowhere on a kept-alive connection; the watchdog keeps watching until the body is complete.
 */
export default fp<{ timeoutMs: number }>(
  async (app, opts) => {
    const { timeoutMs } = opts;
    // Looks four times a window, at least once a second: a stall is cut within timeoutMs plus
    // one step.
    const stepMs = Math.max(10, Math.min(1000, Math.floor(timeoutMs / 4)));
    app.addHook('onRequest', (request, reply, done) => {
      watchBody(request, reply.raw, timeoutMs, stepMs);
      done();
    });
  },
  { name: 'body-watchdog' },
);

function watchBody(
  request: FastifyRequest,
  res: ServerResponse,
  timeoutMs: number,
  stepMs: number,
): void {
  const req = request.raw;
  const socket = req.socket;
  // app.inject's requests have no real socket (no bytesRead): nothing to watch in-process.
  if (typeof socket?.bytesRead !== 'number' || req.complete || !hasBody(req)) return;
  /** socket.bytesRead when the current window began. */
  let windowStart = socket.bytesRead;
  /** Time spent waiting for the client in the current window. */
  let waited = 0;
  let last = Date.now();
  /** The answer has gone out: nothing holds the rest of the body back any more. */
  let answered = false;

  const awaitingClient = () => {
    if (watch.holds > 0) return false;
    if (answered) return true;
    return req.readableFlowing === true && req.readableLength === 0;
  };
  const look = () => {
    const now = Date.now();
    const elapsed = now - last;
    last = now;
    if (req.complete || socket.destroyed) return stop();
    const read = socket.bytesRead;
    if (read - windowStart >= MIN_BODY_BYTES_PER_WINDOW) {
      windowStart = read;
      waited = 0;
      return;
    }
    if (!awaitingClient()) return; // held back: the clock stands still
    waited += elapsed;
    if (waited >= timeoutMs) cut();
  };
  const watch: Watch = {
    holds: 0,
    look,
    resume: () => {
      last = Date.now();
    },
  };
  const timer = setInterval(look, stepMs).unref();
  const onResponseClose = () => {
    if (req.complete || socket.destroyed) stop();
    else answered = true;
  };
  const stop = () => {
    clearInterval(timer);
    res.off('close', onResponseClose);
    watches.delete(req);
  };
  const cut = () => {
    stop();
    const seconds = Math.round(timeoutMs / 100) / 10;
    const err = new HttpError(
      'RequestTimeout',
      `The request body stalled: less than 1 KiB arrived in ${seconds} s of waiting; ` +
        'the connection was closed',
    );
    request.log.warn(
      { method: req.method, route: request.routeOptions.url, bodyTimeoutSeconds: seconds },
      err.message,
    );
    if (!res.headersSent && socket.writable) socket.write(rawAnswer(err, res, request.id));
    req.destroy(err);
  };
  res.on('close', onResponseClose);
  watches.set(req, watch);
}
