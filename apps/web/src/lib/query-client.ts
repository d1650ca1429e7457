import { QueryClient } from '@tanstack/react-query';
import { ApiRequestError } from './api-client';

/** 4xx answers will not change by asking again; server and network errors get one retry. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiRequestError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 1;
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
