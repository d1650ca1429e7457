import { useEffect, useState } from 'react';
import type { UsageResult } from '@stowage/shared';
import { isAbortError } from '@/lib/api-client';
import { streamUsage, type UsageProgress } from '@/lib/bucket-usage';

export type SizeState =
  | { phase: 'counting'; progress: UsageProgress | null }
  | { phase: 'done'; usage: UsageResult }
  | { phase: 'failed'; error: unknown };

/**
 * What a bucket holds (the usage walk), counted while the dialog that asks is open: a read
 * with no effect on the store, so an effect may start it; closing the dialog stops it.
 */
export function useBucketSize(bucket: string): SizeState {
  const [state, setState] = useState<SizeState>({ phase: 'counting', progress: null });
  useEffect(() => {
    const controller = new AbortController();
    streamUsage(bucket, '', {
      signal: controller.signal,
      onProgress: (progress) => {
        setState({ phase: 'counting', progress });
      },
    }).then(
      (usage) => {
        setState({ phase: 'done', usage });
      },
      (error: unknown) => {
        if (!controller.signal.aborted && !isAbortError(error))
          setState({ phase: 'failed', error });
      },
    );
    return () => {
      controller.abort();
    };
  }, [bucket]);
  return state;
}
