import {
  bucketPath,
  DeleteObjectsResponseSchema,
  DeleteProgressSchema,
  type DeleteObjectsResponse,
  type DeleteProgress,
} from '@stowage/shared';
import { ndjsonRequest } from '@/lib/ndjson-request';

type Options = {
  signal: AbortSignal;
  onProgress: (progress: DeleteProgress) => void;
  /** Only the keys from `from` to `to` (S3 order, both included): a windowed listing's range. */
  range?: { from?: string; to?: string } | undefined;
};

/**
 * A folder delete with its progress streamed (`{deleted, failed, total}` after the listing and
 * each batch of 1,000, then the summary). Aborting `signal` closes the stream: the API stops
 * after the batch in flight, and this rejects with an AbortError.
 */
export function deleteFolder(
  bucket: string,
  prefix: string,
  options: Options,
): Promise<DeleteObjectsResponse> {
  return ndjsonRequest({
    url: `${bucketPath(bucket)}/delete`,
    body: { prefix, ...options.range },
    signal: options.signal,
    progress: DeleteProgressSchema,
    summary: DeleteObjectsResponseSchema,
    onProgress: options.onProgress,
    what: 'a delete result',
  });
}
