import { QueryClient } from '@tanstack/react-query';
import { isUnavailableError } from './api-client';

/**
 * Only what may pass gets one retry: the store down, busy or slow, or the network; a refusal
 * (4xx) or a bug will not change by asking again.
 */
function shouldRetry(failureCount: number, error: unknown): boolean {
  return isUnavailableError(error) && failureCount < 1;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: shouldRetry,
        // A 100,000-key folder is 100 pages: do not refetch all of it on every tab switch.
        refetchOnWindowFocus: false,
      },
    },
  });
}
