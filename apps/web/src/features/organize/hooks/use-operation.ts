import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ConflictMode, CopyProgress, CopyResult } from '@stowage/shared';
import { hasCode, isAbortError } from '@/lib/api-client';
import { invalidateBucketListings, invalidateDeletedObjects } from '@/lib/invalidate-objects';
import { runOperation, type Operation } from '../api/run-operation';

export type OperationState =
  | { phase: 'running'; progress: CopyProgress | null }
  /** The first try (conflict: fail) found existing names; `message` says how many. */
  | { phase: 'conflict'; message: string }
  | { phase: 'done'; result: CopyResult; progress: CopyProgress | null }
  | { phase: 'cancelled'; progress: CopyProgress | null }
  | { phase: 'failed'; error: unknown };

/** What an operation writes and removes, for the listings to refresh afterwards. */
export type OperationScope = {
  buckets: readonly string[];
  /** Source keys and folders a move removes (their details go stale). */
  moved?: { bucket: string; keys: readonly string[]; prefixes: readonly string[] };
};

type Make = (conflict: ConflictMode) => Operation;

/**
 * `start(make, scope)` runs `make("fail")`; on 409 DestinationExists the state asks (phase
 * "conflict") and `retryWith(choice)` runs it again with the answer. Progress comes from the
 * stream; `cancel` aborts it, and so does unmounting. Whatever the end, the listings of the
 * buckets involved refresh. Started from an event (a confirm button), never from an effect.
 */
export function useOperation() {
  const queryClient = useQueryClient();
  const [state, setState] = useState<OperationState | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  const makeRef = useRef<Make | null>(null);
  const scopeRef = useRef<OperationScope>({ buckets: [] });

  const run = useCallback(
    async (conflict: ConflictMode) => {
      const make = makeRef.current;
      if (!make) return;
      const controller = new AbortController();
      abortRef.current = controller;
      let progress: CopyProgress | null = null;
      setState({ phase: 'running', progress });
      try {
        const result = await runOperation(make(conflict), {
          signal: controller.signal,
          onProgress: (p) => {
            progress = p;
            setState({ phase: 'running', progress: p });
          },
        });
        setState({ phase: 'done', result, progress });
      } catch (error) {
        if (conflict === 'fail' && hasCode(error, 'DestinationExists')) {
          setState({ phase: 'conflict', message: error.message });
          return;
        }
        setState(
          controller.signal.aborted || isAbortError(error)
            ? { phase: 'cancelled', progress }
            : { phase: 'failed', error },
        );
      } finally {
        abortRef.current = null;
      }
      const { buckets, moved } = scopeRef.current;
      await Promise.all([
        ...buckets.map((bucket) => invalidateBucketListings(queryClient, bucket)),
        moved ? invalidateDeletedObjects(queryClient, moved.bucket, moved) : null,
      ]);
    },
    [queryClient],
  );

  const start = useCallback(
    (make: Make, scope: OperationScope) => {
      makeRef.current = make;
      scopeRef.current = scope;
      void run('fail');
    },
    [run],
  );
  // Closing the dialogs (unmounting) stops what is running.
  useEffect(() => () => abortRef.current?.abort(), []);

  const cancel = useCallback(() => abortRef.current?.abort(), []);
  const retryWith = useCallback((conflict: ConflictMode) => void run(conflict), [run]);
  return { state, start, cancel, retryWith };
}
