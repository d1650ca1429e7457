import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import {
  bucketAllowed,
  SESSION_PATH,
  type LinkAbilities,
  type SessionResponse,
} from '@stowage/shared';
import { apiGet } from './api-client';

/**
 * The session gates the whole app: `GET /api/session` is public and says who is signed in,
 * or which profiles the login form may offer. Other features read it from here.
 */
export const sessionQueryKey = ['session'] as const;

export function getSession(signal?: AbortSignal): Promise<SessionResponse> {
  return apiGet<SessionResponse>(SESSION_PATH, signal);
}

export function getSessionQueryOptions() {
  return queryOptions({
    queryKey: sessionQueryKey,
    queryFn: ({ signal }) => getSession(signal),
    // Only sign-in, sign-out and a 401 change it; each of them updates it.
    staleTime: Infinity,
  });
}

export function useSession() {
  return useQuery(getSessionQueryOptions());
}

/** True when the signed-in profile may only read: write controls are not shown at all. */
export function useReadOnly(): boolean {
  const { data } = useSession();
  return data?.signedIn === true && data.readOnly;
}

/** True when the signed-in profile is an admin's: the Activity page (the audit log). */
export function useAdmin(): boolean {
  const { data } = useSession();
  return data?.signedIn === true && data.admin === true;
}

/** What the signed-in profile can do with share links, or null when signed out. */
export function useLinkAbilities(): LinkAbilities | null {
  const { data } = useSession();
  return data?.signedIn === true ? data.links : null;
}

/** Drops every cached answer (and finished write) but the session, so nothing of the previous user remains. */
export function removeUserData(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
  queryClient.getMutationCache().clear();
}

/**
 * The session is over (signed out, or a 401): the gate shows the login form at once, then
 * the session is asked again for the current profiles.
 */
export function markSignedOut(queryClient: QueryClient): void {
  queryClient.setQueryData<SessionResponse>(sessionQueryKey, (old) =>
    old
      ? {
          signedIn: false,
          profiles: old.profiles,
          defaultProfile: old.defaultProfile,
          ...(old.sso ? { sso: old.sso } : {}),
        }
      : old,
  );
  removeUserData(queryClient);
  void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
}

/** A sign-in answered: the new user's session, with no data of anyone before. */
export function markSignedIn(queryClient: QueryClient, session: SessionResponse): void {
  removeUserData(queryClient);
  queryClient.setQueryData(sessionQueryKey, session);
}

/**
 * The buckets the signed-in profile may use and create (names and `prefix*` patterns), or null: every bucket. The API
 * refuses the others anyway; the app only offers what it would accept.
 */
export function useBucketAllowlist(): readonly string[] | null {
  const { data } = useSession();
  return data?.signedIn === true ? data.bucketAllowlist : null;
}

/** May this profile write to (delete, empty) this bucket? Not read-only, and in its allowlist. */
export function useMayAdminister(): (bucket: string) => boolean {
  const readOnly = useReadOnly();
  const allowlist = useBucketAllowlist();
  return (bucket) => !readOnly && (allowlist === null || bucketAllowed(bucket, allowlist));
}
