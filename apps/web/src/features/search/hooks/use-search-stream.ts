import { useEffect, useRef, useState } from 'react';
import { isAbortError } from '@/lib/api-client';
import { searchObjects } from '../api/search-objects';
import type { SearchParams } from '../search-params';

/** A match as the results keep it (no etag): 10,000+ of these stay small. */
export type SearchRow = { kind: 'object'; key: string; size: number; lastModified: string | null };

export type SearchState = {
  status: 'running' | 'done' | 'stopped' | 'failed';
  /** The matches so far, in store order (a new array at each flush). */
  rows: readonly SearchRow[];
  scanned: number;
  truncated: boolean;
  /** What went wrong, as a sentence (an error answer, or the stream's error line). */
  error: unknown;
};

/** How often arriving matches are shown: one render per flush, not one per line. */
const FLUSH_MS = 100;

const START: SearchState = {
  status: 'running',
  rows: [],
  scanned: 0,
  truncated: false,
  error: null,
};

/**
 * Runs the search and follows its stream: matches are appended to one array as lines arrive
 * and shown every FLUSH_MS; `stop` aborts the request (the API stops listing). A new search
 * (its identity changes) aborts the previous one.
 */
export function useSearchStream(
  identity: string,
  bucket: string,
  prefix: string,
  params: SearchParams,
): SearchState & { stop: () => void } {
  const [state, setState] = useState<SearchState & { identity: string }>({ ...START, identity });
  const controllerRef = useRef<AbortController | null>(null);
  if (state.identity !== identity) setState({ ...START, identity });

  useEffect(() => {
    const controller = new AbortController();
    controllerRef.current = controller;
    const rows: SearchRow[] = [];
    let scanned = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    // Cleared (another search, or gone): its end is no longer this state's.
    let disposed = false;
    const flush = () => {
      timer = null;
      if (controller.signal.aborted) return;
      setState((s) => ({ ...s, rows: rows.slice(), scanned }));
    };
    const finish = (patch: Partial<SearchState>) => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      if (disposed) return;
      setState((s) => ({ ...s, rows: rows.slice(), scanned, ...patch }));
    };
    searchObjects({
      bucket,
      prefix,
      params,
      signal: controller.signal,
      onLine: (line) => {
        if ('key' in line) {
          rows.push({
            kind: 'object',
            key: line.key,
            size: line.size,
            lastModified: line.lastModified,
          });
        } else {
          scanned = Math.max(scanned, line.scanned);
        }
        timer ??= setTimeout(flush, FLUSH_MS);
      },
    }).then(
      (done) => {
        scanned = done.scanned;
        finish({
          status: done.error ? 'failed' : 'done',
          truncated: done.truncated,
          error: done.error ? new Error(done.error.message) : null,
        });
      },
      (error: unknown) => {
        finish(isAbortError(error) ? { status: 'stopped' } : { status: 'failed', error });
      },
    );
    return () => {
      disposed = true;
      if (timer !== null) clearTimeout(timer);
      controller.abort();
    };
    // `identity` names bucket, prefix and every parameter: a new search only when it changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [identity]);

  return {
    ...(state.identity === identity ? state : START),
    stop: () => {
      controllerRef.current?.abort();
    },
  };
}
