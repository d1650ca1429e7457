import {
  bucketPath,
  CopyProgressSchema,
  CopyResultSchema,
  NDJSON,
  type CopyObjectsInput,
  type CopyProgress,
  type CopyResult,
  type RenameInput,
} from '@stowage/shared';
import { ApiRequestError, apiFetch } from '@/lib/api-client';
import { readLines } from '../utils/ndjson-lines';

/** A copy or move (`POST /copy`) or a rename (`POST /rename`) of one bucket. */
export type Operation =
  | { kind: 'copy'; bucket: string; body: CopyObjectsInput }
  | { kind: 'rename'; bucket: string; body: RenameInput };

type RunOptions = { signal: AbortSignal; onProgress: (progress: CopyProgress) => void };

function unexpected(message: string): ApiRequestError {
  return new ApiRequestError(200, message, { code: 'UnexpectedAnswer' });
}

/**
 * Runs an operation and streams its progress: the answer is NDJSON (progress lines, then the
 * summary). Aborting `signal` closes the stream, which stops the work after the object in
 * flight, and rejects with an AbortError. An error before the work started (400, 409
 * DestinationExists, the store down) rejects with the API's ApiRequestError.
 */
export async function runOperation(op: Operation, options: RunOptions): Promise<CopyResult> {
  const route = op.kind === 'copy' ? 'copy' : 'rename';
  const res = await apiFetch(`${bucketPath(op.bucket)}/${route}`, {
    method: 'POST',
    headers: { Accept: `${NDJSON}, application/json`, 'Content-Type': 'application/json' },
    body: JSON.stringify(op.body),
    signal: options.signal,
  });
  if (!res.headers.get('content-type')?.includes(NDJSON) || !res.body) {
    const parsed = CopyResultSchema.safeParse(await res.json().catch(() => null));
    if (!parsed.success) throw unexpected('The server sent an answer that is not a copy result.');
    return parsed.data;
  }
  let result: CopyResult | null = null;
  await readLines(res.body, (line) => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw unexpected('The server sent a progress line that is not JSON.');
    }
    const summary = CopyResultSchema.safeParse(value);
    if (summary.success) {
      result = summary.data;
      return;
    }
    const progress = CopyProgressSchema.safeParse(value);
    if (progress.success) options.onProgress(progress.data);
  });
  if (result === null) throw unexpected('The answer ended before its summary: the work stopped.');
  return result;
}
