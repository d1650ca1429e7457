import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { CenteredScreen } from '@/components/ui/centered-screen';
import { Spinner } from '@/components/ui/spinner';
import { errorMessage, setUnauthorizedHandler } from '@/lib/api-client';
import type { SessionResponse } from '@stowage/shared';
import { markSignedOut, sessionQueryKey, useSession } from '@/lib/session';

// The form, its schemas and zod load only when someone has to sign in.
const LoginPage = lazy(() =>
  import('@/features/auth/components/login-page').then((m) => ({ default: m.LoginPage })),
);

export const SESSION_ENDED_MESSAGE = 'Your session has ended, sign in again.';

/**
 * Signed out: the login page, at the URL the user asked for, so signing in lands there.
 * A 401 from any call ends the session here: the cache is dropped and the login page shown.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const session = useSession();
  /** A 401 signed the user out (rather than the Sign out button): the login page says so. */
  const [ended, setEnded] = useState(false);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      // Only a signed-in session can end. A 401 while the session is still being asked (the
      // first page asked for beside it) or already signed out says nothing new.
      const session = queryClient.getQueryData<SessionResponse>(sessionQueryKey);
      if (session?.signedIn !== true) return;
      setEnded(true);
      markSignedOut(queryClient);
    });
    return () => {
      setUnauthorizedHandler(null);
    };
  }, [queryClient]);

  if (session.isPending) {
    return (
      <CenteredScreen>
        <Spinner label="Loading…" />
      </CenteredScreen>
    );
  }
  if (session.data === undefined) {
    return (
      <CenteredScreen>
        <Banner
          title="Could not reach Stowage."
          action={
            <Button size="sm" onClick={() => void session.refetch()} disabled={session.isFetching}>
              Retry
            </Button>
          }
        >
          {errorMessage(session.error)}
        </Banner>
      </CenteredScreen>
    );
  }
  if (!session.data.signedIn) {
    return (
      <Suspense
        fallback={
          <CenteredScreen>
            <Spinner label="Loading…" />
          </CenteredScreen>
        }
      >
        <LoginPage
          profiles={session.data.profiles}
          defaultProfile={session.data.defaultProfile}
          notice={ended ? SESSION_ENDED_MESSAGE : null}
          sso={session.data.sso}
          onSignedIn={() => {
            setEnded(false);
          }}
        />
      </Suspense>
    );
  }
  return children;
}
