import { Button } from '@/components/ui/button';
import { errorMessage } from '@/lib/api-client';
import { useSession } from '@/lib/session';
import { useSignOut } from '../api/sign-out';

/** The header's right end: who is signed in, to which profile, read-only or not; Sign out. */
export function SessionMenu() {
  const { data } = useSession();
  const signOut = useSignOut();
  if (!data?.signedIn) return null;
  return (
    <div className="session-menu" aria-label="Session" role="group">
      {data.readOnly ? (
        <span className="badge badge--read-only" title="This session cannot change anything">
          read-only
        </span>
      ) : null}
      <span className="session-menu__who">
        <span className="session-menu__user">{data.who}</span>
        <span className="session-menu__profile" title="Connection profile">
          {data.profile}
        </span>
      </span>
      {data.authRequired ? (
        <Button
          size="sm"
          onClick={() => {
            signOut.mutate();
          }}
          disabled={signOut.isPending}
        >
          Sign out
        </Button>
      ) : null}
      {signOut.error ? (
        <span role="alert" className="text-error">
          Could not sign out: {errorMessage(signOut.error)}
        </span>
      ) : null}
    </div>
  );
}
