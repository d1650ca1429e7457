import { NDJSON } from '@stowage/shared';
import type { z } from 'zod';
import { ApiRequestError, apiFetch } from './api-client';
import { readLines } from './ndjson-lines';

/** A streamed request: its progress lines, then one summary line (both by their schemas). */
type NdjsonRequest<P, S> = {
  url: string;
  method?: 'GET' | 'POST';
  body?: unknown;
  signal: AbortSignal;
  progress: z.ZodType<P>;
  summary: z.ZodType<S>;
  onProgress: (progress: P) => void;
  /** What the summary is, for the error message ("a copy result"). */
  what: string;
};

function unexpected(message: string): ApiRequestError {
  return new ApiRequestError(200, message, { code: 'UnexpectedAnswer' });
}

/**
 * Sends a request whose answer is NDJSON (progress lines, then the summary) and reports each
 * progress line as it arrives. Aborting `signal` closes the stream (the server stops after
 * the work in flight) and rejects with an AbortError. An error before the work started (400,
 * 409, the store down) rejects with the API's ApiRequestError. A plain JSON answer (no
 * stream) is taken as the summary. Shared by copy/move/rename, emptying a bucket and usage.
 */
export async function ndjsonRequest<P, S>(req: NdjsonRequest<P, S>): Promise<S> {
  const hasBody = req.body !== undefined;
  const res = await apiFetch(req.url, {
    method: req.method ?? 'POST',
    headers: {
      Accept: `${NDJSON}, application/json`,
      ...(hasBody ? { 'Content-Type': 'application/json' } : {}),
    },
    body: hasBody ? JSON.stringify(req.body) : null,
    signal: req.signal,
  });
  if (!res.headers.get('content-type')?.includes(NDJSON) || !res.body) {
    const parsed = req.summary.safeParse(await res.json().catch(() => null));
    if (!parsed.success) throw unexpected(`The server sent an answer that is not ${req.what}.`);
    return parsed.data;
  }
  let result: { value: S } | null = null;
  await readLines(res.body, (line) => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw unexpected('The server sent a progress line that is not JSON.');
    }
    const summary = req.summary.safeParse(value);
    if (summary.success) {
      result = { value: summary.data };
      return;
    }
    const progress = req.progress.safeParse(value);
    if (progress.success) req.onProgress(progress.data);
  });
  const settled = result as { value: S } | null;
  if (settled === null) {
    throw unexpected('The answer ended before its summary: the work stopped.');
  }
  return settled.value;
}
