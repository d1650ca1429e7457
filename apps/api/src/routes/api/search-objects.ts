import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PassThrough } from 'node:stream';
import {
  BucketParamsSchema,
  NDJSON,
  SEARCH_PROGRESS_MS,
  SearchLineSchema,
  SearchQuerySchema,
  globProblem,
  type SearchDoneLine,
} from '@stowage/shared';
import { badRequest, HttpError } from '../../errors.js';
import { hiddenFolder } from '../../links/link-records.js';
import type { SearchPage } from '../../store/s3-search.js';
import { errorResponses } from './error-responses.js';

const searchLines = SearchLineSchema.describe(
  '`application/x-ndjson` (whatever the Accept header), one JSON value a line: a match `{"key","size",' +
    '"lastModified","etag"}` for each key found (the full key), as its page is listed; ' +
    '`{"scanned":n}` (keys examined so far) at least every second while the scan goes on; and ' +
    'last `{"done":true,"scanned","matches","truncated"}`, with `error` `{code,message}` when ' +
    'the store failed after the stream started (before, the answer is an ordinary error). ' +
    '`truncated`: the scan stopped at `limit` matches and more keys were left.',
);

type Pages = AsyncGenerator<SearchPage, void, undefined>;

/** Resolves when `out` wants more, or it is gone, or the client left. */
function drained(out: PassThrough, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done).off('close', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    out.once('drain', done).once('close', done);
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * Writes the pages after the first as lines: each page's matches, a progress line when one is
 * due (after a page, or from the timer while a page is slow to come), and the done line. Waits
 * for the client to take a page before the store is asked for the one after next.
 */
async function writeLines(
  out: PassThrough,
  first: IteratorResult<SearchPage, void>,
  pages: Pages,
  signal: AbortSignal,
  log: FastifyBaseLogger,
  startedAt: number,
) {
  const done: SearchDoneLine = { done: true, scanned: 0, matches: 0, truncated: false };
  let progressAt = startedAt;
  let waiting = false;
  const progress = () => {
    progressAt = Date.now();
    return `${JSON.stringify({ scanned: done.scanned })}\n`;
  };
  const write = async (text: string) => {
    if (signal.aborted || out.destroyed || out.write(text)) return;
    waiting = true;
    await drained(out, signal);
    waiting = false;
  };
  const timer = setInterval(
    () => {
      if (!waiting && Date.now() - progressAt >= SEARCH_PROGRESS_MS) void write(progress());
    },
    Math.ceil(SEARCH_PROGRESS_MS / 4),
  );
  try {
    for (let next = first; !next.done; next = await pages.next()) {
      const page = next.value;
      done.scanned = page.scanned;
      done.matches = page.matched;
      done.truncated = page.truncated;
      let text = '';
      for (const m of page.matches) text += `${JSON.stringify(m)}\n`;
      if (Date.now() - progressAt >= SEARCH_PROGRESS_MS) text += progress();
      if (text) await write(text);
      if (signal.aborted) break;
    }
  } catch (err) {
    const known = err instanceof HttpError;
    if (known) log.warn({ code: err.code }, `search stopped: ${err.message}`);
    else log.error({ err }, 'search failed after its answer started');
    done.error = {
      code: known ? err.code : 'Internal',
      message: known ? err.message : 'An unexpected error stopped the search',
    };
  } finally {
    clearInterval(timer);
    // Left early (the client went away): no further page is asked for.
    await pages.return(undefined).catch(() => {});
  }
  if (!signal.aborted && !out.destroyed) out.end(`${JSON.stringify(done)}\n`);
  else out.end();
}

/** Find (issue 20): a bucket or folder searched by listing it (store/s3-search.ts, ADR 0013). */
const route: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/buckets/:bucket/search',
    {
      schema: {
        tags: ['objects'],
        summary: 'Searches every key under a prefix by name, size and date, streamed (NDJSON)',
        description:
          'No index: the keys under `prefix` are listed (ListObjectsV2 without a delimiter, ' +
          '1,000 a page) and each page is filtered as it arrives, so the search runs at the ' +
          "store's listing speed and holds a page or two in memory whatever the bucket. `q` is " +
          'a substring of the key relative to `prefix` (ignoring case unless `matchCase=1`), or ' +
          'with `glob=1` a glob: without "/" it matches the file name, with "/" the whole ' +
          'relative key; `\\*`, `\\?`, `\\[` are literal. Sizes in bytes, inclusive; ' +
          '`modifiedAfter` inclusive, `modifiedBefore` exclusive. The scan ends at `limit` ' +
          'matches. The link records\' folder (".stowage/") is not searched unless `prefix` is ' +
          'inside it. Closing the connection stops the scan.',
        params: BucketParamsSchema,
        querystring: SearchQuerySchema,
        response: {
          200: {
            description: searchLines.description,
            content: { [NDJSON]: { schema: searchLines } },
          },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const startedAt = Date.now();
      const { bucket } = request.params;
      const query = request.query;
      if (query.glob && query.q) {
        const problem = globProblem(query.q);
        if (problem) throw badRequest(problem);
      }
      const hidden = hiddenFolder(request.identity!.profile.links, bucket);
      const skip =
        hidden && hidden.startsWith(query.prefix) && query.prefix !== hidden ? hidden : undefined;
      const gone = new AbortController();
      const onClose = () => {
        if (!reply.raw.writableFinished) gone.abort();
      };
      reply.raw.on('close', onClose);
      const pages = request.objectStore.searchObjects(bucket, query, { signal: gone.signal, skip });
      let first: IteratorResult<SearchPage, void>;
      try {
        // Before the first page, a failure (no such bucket, refused…) is an ordinary answer.
        first = await pages.next();
      } catch (err) {
        reply.raw.off('close', onClose);
        throw err;
      }
      const out = new PassThrough();
      out.on('error', () => {});
      void writeLines(out, first, pages, gone.signal, request.log, startedAt).finally(() =>
        reply.raw.off('close', onClose),
      );
      // A stream: the lines are not serialized by the response schema (which documents them).
      const streamed: FastifyReply = reply;
      return streamed.type(NDJSON).header('x-accel-buffering', 'no').send(out);
    },
  );
};
export default route;
