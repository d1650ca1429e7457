import { useCallback, useEffect, useRef, useState } from 'react';
import type { UsageResult } from '@stowage/shared';
import { isAbortError } from '@/lib/api-client';
import { streamUsage, type UsageProgress } from '@/lib/bucket-usage';

export type UsageState =
  | { phase: 'running'; progress: UsageProgress | null }
  | { phase: 'done'; usage: UsageResult }
  | { phase: 'stopped'; progress: UsageProgress | null }
  | { phase: 'failed'; error: unknown };

/**
 * The usage walk of a bucket or folder: started when the page opens (a read), counted live;
 * `stop` (or leaving the page) ends it, `restart` counts again.
 */
export function useUsage(bucket: string, prefix: string) {
  const [state, setState] = useState<UsageState>({ phase: 'running', progress: null });
  const [run, setRun] = useState(0);
  const abortRef = useRef<AbortController | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    abortRef.current = controller;
    let progress: UsageProgress | null = null;
    streamUsage(bucket, prefix, {
      signal: controller.signal,
      onProgress: (p) => {
        progress = p;
        setState({ phase: 'running', progress: p });
      },
    }).then(
      (usage) => {
        setState({ phase: 'done', usage });
      },
      (error: unknown) => {
        setState(
          controller.signal.aborted || isAbortError(error)
            ? { phase: 'stopped', progress }
            : { phase: 'failed', error },
        );
      },
    );
    return () => {
      controller.abort();
    };
  }, [bucket, prefix, run]);

  const stop = useCallback(() => abortRef.current?.abort(), []);
  // The page is keyed by bucket and prefix (a new walk, a new state); a restart resets it here.
  const restart = useCallback(() => {
    setState({ phase: 'running', progress: null });
    setRun((n) => n + 1);
  }, []);
  return { state, stop, restart };
}
