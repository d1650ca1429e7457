import {
  bucketPath,
  CopyProgressSchema,
  CopyResultSchema,
  type CopyObjectsInput,
  type CopyProgress,
  type CopyResult,
  type RenameInput,
} from '@stowage/shared';
import { ndjsonRequest } from '@/lib/ndjson-request';

/** A copy or move (`POST /copy`) or a rename (`POST /rename`) of one bucket. */
export type Operation =
  | { kind: 'copy'; bucket: string; body: CopyObjectsInput }
  | { kind: 'rename'; bucket: string; body: RenameInput };

type RunOptions = { signal: AbortSignal; onProgress: (progress: CopyProgress) => void };

/**
 * Runs an operation and streams its progress: the answer is NDJSON (progress lines, then the
 * summary). Aborting `signal` closes the stream, which stops the work after the object in
 * flight, and rejects with an AbortError. An error before the work started (400, 409
 * DestinationExists, the store down) rejects with the API's ApiRequestError.
 */
export function runOperation(op: Operation, options: RunOptions): Promise<CopyResult> {
  const route = op.kind === 'copy' ? 'copy' : 'rename';
  return ndjsonRequest({
    url: `${bucketPath(op.bucket)}/${route}`,
    body: op.body,
    signal: options.signal,
    progress: CopyProgressSchema,
    summary: CopyResultSchema,
    onProgress: options.onProgress,
    what: 'a copy result',
  });
}
