import type { FastifyReply, FastifyRequest } from 'fastify';
import { PassThrough } from 'node:stream';
import { CopyResultSchema, NDJSON, type CopyProgress, type CopyResult } from '@stowage/shared';
import { HttpError } from '../../errors.js';
import { noteAuditResult } from '../../audit/audit-declaration.js';
import type { CopyOptions } from '../../store/object-store.js';

/** A streamed answer writes a progress line at most this often (and always the last one). */
export const PROGRESS_INTERVAL_MS = 100;
/**
 * ...and at least this often, the latest again while one big object is copied: a proxy
 * between (nginx gives up on a silent upstream after 60 s by default) sees the answer alive.
 */
export const HEARTBEAT_MS = 15_000;

export const copyResultResponse = CopyResultSchema.describe(
  'The summary. With `Accept: application/x-ndjson` the answer is a stream instead: one ' +
    'CopyProgress line `{"done","bytes","total","totalBytes"}` when the work starts and then ' +
    'at most every 100 ms, and this summary as the last line. Errors before the work starts ' +
    'are ordinary error answers; after, they are per key in `errors`. Closing the connection ' +
    'stops the work after the objects in flight.',
);

/** What a long operation gets from its request: a signal for the client going away, and progress. */
export interface WorkOptions<P> {
  signal: AbortSignal;
  onProgress?: ((progress: P) => void) | undefined;
}

/**
 * Runs a copy, move or rename for this request and answers it: the summary as JSON, or (the
 * client asked for NDJSON) progress lines and then the summary. Either way the client going
 * away aborts the work's signal: no new copy starts.
 */
export function answerCopy(
  request: FastifyRequest,
  reply: FastifyReply,
  run: (options: CopyOptions) => Promise<CopyResult>,
): Promise<CopyResult | FastifyReply> {
  return answerWork<CopyProgress, CopyResult>(request, reply, run, (error, cancelled) => ({
    copied: 0,
    skipped: 0,
    errors: [{ key: '', ...error }],
    cancelled,
  }));
}

/**
 * Runs a long operation (copy, empty a bucket, usage walk) for this request and answers it:
 * the result as JSON, or (the client asked for NDJSON) throttled progress lines and then the
 * result. Either way the client going away aborts the work's signal. A failure after the
 * stream started is the last line, as `failed` words it (a result with one error).
 */
export async function answerWork<P, R>(
  request: FastifyRequest,
  reply: FastifyReply,
  run: (options: WorkOptions<P>) => Promise<R>,
  failed: (error: { code: string; message: string }, cancelled: boolean) => R,
): Promise<R | FastifyReply> {
  const gone = new AbortController();
  const onClose = () => {
    if (!reply.raw.writableFinished) gone.abort();
  };
  reply.raw.on('close', onClose);
  if (!request.headers.accept?.includes(NDJSON)) {
    return run({ signal: gone.signal }).finally(() => reply.raw.off('close', onClose));
  }

  const out = new PassThrough();
  out.on('error', () => {});
  const line = (value: unknown) => {
    if (!out.destroyed && !out.writableEnded) out.write(`${JSON.stringify(value)}\n`);
  };
  let latest: P | undefined;
  let writtenAt = 0;
  let pending = false;
  let started = () => {};
  const start = new Promise<void>((resolve) => (started = resolve));
  const work = run({
    signal: gone.signal,
    onProgress(progress) {
      latest = progress;
      started();
      const now = Date.now();
      pending = now - writtenAt < PROGRESS_INTERVAL_MS;
      if (!pending) {
        writtenAt = now;
        line(progress);
      }
    },
  });
  // A failure before the work starts (4xx, the store down) is an ordinary error answer.
  await Promise.race([start, work]);
  const heartbeat = setInterval(() => {
    if (latest && Date.now() - writtenAt >= HEARTBEAT_MS) {
      writtenAt = Date.now();
      pending = false;
      line(latest);
    }
  }, HEARTBEAT_MS / 3);
  heartbeat.unref();
  void work.finally(() => clearInterval(heartbeat)).catch(() => {});
  work.then(
    (result) => {
      if (pending && latest) line(latest);
      noteAuditResult(request, result);
      line(result);
      out.end();
    },
    (err: unknown) => {
      request.log.error({ err }, 'work failed after its answer started');
      const known = err instanceof HttpError;
      const summary = failed(
        {
          code: known ? err.code : 'Internal',
          message: known ? err.message : 'An unexpected error stopped the work',
        },
        gone.signal.aborted,
      );
      noteAuditResult(request, summary);
      line(summary);
      out.end();
    },
  );
  return reply.type(NDJSON).header('x-accel-buffering', 'no').send(out);
}
