import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { AUDIT_PATH, type AuditResponse } from '@stowage/shared';
import { apiGet, apiUrl } from '@/lib/api-client';

/** The Activity page's filters (its URL search params, the API's names). */
export type AuditFilters = { bucket?: string; user?: string; action?: string };

/** `GET /api/audit?bucket=&user=&action=&before=`: one page of the audit log, newest first. */
export function getAuditQueryOptions(filters: AuditFilters) {
  return infiniteQueryOptions({
    queryKey: ['audit', filters] as const,
    queryFn: ({ pageParam, signal }) =>
      apiGet<AuditResponse>(
        apiUrl(AUDIT_PATH, { ...filters, limit: 100, before: pageParam }),
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.cursor ?? undefined,
    // The log grows with every write: what the page shows is asked again when it opens.
    staleTime: 0,
  });
}

/** The audit log, page by page ("Load more"). */
export function useAudit(filters: AuditFilters) {
  return useInfiniteQuery(getAuditQueryOptions(filters));
}
