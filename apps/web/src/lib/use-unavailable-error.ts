import { useCallback, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { isUnavailableError } from './api-client';

/**
 * The message of the first query that failed because the store or the API is unavailable,
 * or null. Derived from the query cache, so it clears as soon as that query succeeds.
 */
export function useUnavailableError(): string | null {
  const queryCache = useQueryClient().getQueryCache();
  const subscribe = useCallback(
    (onChange: () => void) => queryCache.subscribe(onChange),
    [queryCache],
  );
  const getSnapshot = useCallback(() => {
    for (const query of queryCache.getAll()) {
      const { error } = query.state;
      if (query.state.status === 'error' && isUnavailableError(error)) return error.message;
    }
    return null;
  }, [queryCache]);
  return useSyncExternalStore(subscribe, getSnapshot);
}
