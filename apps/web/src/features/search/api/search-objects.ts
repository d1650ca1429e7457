import {
  NDJSON,
  searchUrl,
  SearchLineSchema,
  type SearchDoneLine,
  type SearchLine,
} from '@stowage/shared';
import { ApiRequestError, apiFetch } from '@/lib/api-client';
import { readLines } from '@/lib/ndjson-lines';
import type { SearchParams } from '../search-params';

function unexpected(message: string): ApiRequestError {
  return new ApiRequestError(200, message, { code: 'UnexpectedAnswer' });
}

/**
 * Reads a search's NDJSON body line by line as it arrives (a line or a character may be cut
 * across chunks), each parsed with the shared SearchLineSchema. Resolves with the final line;
 * rejects if the body ends without one or a line is not one of the contract's.
 */
export async function readSearchLines(
  body: ReadableStream<Uint8Array>,
  onLine: (line: Exclude<SearchLine, SearchDoneLine>) => void,
): Promise<SearchDoneLine> {
  let done: SearchDoneLine | null = null;
  await readLines(body, (text) => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw unexpected('The server sent a search line that is not JSON.');
    }
    const parsed = SearchLineSchema.safeParse(value);
    if (!parsed.success) throw unexpected('The server sent a line that is not a search result.');
    if ('done' in parsed.data) done = parsed.data;
    else onLine(parsed.data);
  });
  const last = done as SearchDoneLine | null;
  if (last === null)
    throw unexpected('The search ended before its last line: the connection closed.');
  return last;
}

/**
 * `GET /api/buckets/:bucket/search` as a stream. An error answer before the stream (400, the
 * store down) rejects with the API's ApiRequestError (apiFetch's mapping); aborting `signal`
 * closes the stream (the API stops listing) and rejects with an AbortError.
 */
export async function searchObjects(input: {
  bucket: string;
  prefix: string;
  params: SearchParams;
  signal: AbortSignal;
  onLine: (line: Exclude<SearchLine, SearchDoneLine>) => void;
}): Promise<SearchDoneLine> {
  const res = await apiFetch(searchUrl(input.bucket, { prefix: input.prefix, ...input.params }), {
    headers: { Accept: NDJSON },
    signal: input.signal,
  });
  if (!res.body) throw unexpected('The server sent an empty answer to a search.');
  return readSearchLines(res.body, input.onLine);
}
