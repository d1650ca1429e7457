import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { CopyProgress, EmptyBucketResult } from '@stowage/shared';
import { isAbortError } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import { emptyBucket } from '../api/empty-bucket';

export type EmptyState =
  | { phase: 'idle' }
  | { phase: 'running'; progress: CopyProgress | null }
  | { phase: 'done'; result: EmptyBucketResult }
  | { phase: 'cancelled'; progress: CopyProgress | null }
  | { phase: 'failed'; error: unknown };

/**
 * Empties a bucket with progress; `cancel` (or unmounting) stops it. Whatever the end, what
 * was cached of the bucket's content refreshes. Started from an event, never an effect.
 */
export function useEmptyBucket(bucket: string) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<EmptyState>({ phase: 'idle' });
  const abortRef = useRef<AbortController | null>(null);

  const start = useCallback(
    async (confirm: string) => {
      const controller = new AbortController();
      abortRef.current = controller;
      let progress: CopyProgress | null = null;
      setState({ phase: 'running', progress });
      try {
        const result = await emptyBucket(bucket, confirm, {
          signal: controller.signal,
          onProgress: (p) => {
            progress = p;
            setState({ phase: 'running', progress: p });
          },
        });
        setState({ phase: 'done', result });
      } catch (error) {
        setState(
          controller.signal.aborted || isAbortError(error)
            ? { phase: 'cancelled', progress }
            : { phase: 'failed', error },
        );
      } finally {
        abortRef.current = null;
      }
      await queryClient.invalidateQueries({ queryKey: queryKeys.bucket(bucket) });
    },
    [bucket, queryClient],
  );

  useEffect(() => () => abortRef.current?.abort(), []);
  const cancel = useCallback(() => abortRef.current?.abort(), []);
  return { state, start: (confirm: string) => void start(confirm), cancel };
}
