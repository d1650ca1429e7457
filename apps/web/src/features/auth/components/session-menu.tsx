import { Link } from '@tanstack/react-router';
import { Button } from '@/components/ui/button';
import { errorMessage } from '@/lib/api-client';
import { useSession } from '@/lib/session';
import { useSignOut } from '../api/sign-out';
import { useSignOutEverywhere } from '../api/sign-out-everywhere';
import styles from './session-menu.module.css';

/** The header's right end: who is signed in, to which profile, read-only or not; Sign out. */
export function SessionMenu() {
  const { data } = useSession();
  const signOut = useSignOut();
  const everywhere = useSignOutEverywhere();
  if (!data?.signedIn) return null;
  const pending = signOut.isPending || everywhere.isPending;
  const failed = signOut.error ?? everywhere.error;
  return (
    <div className={styles.menu} aria-label="Session" role="group">
      {data.readOnly ? (
        <span className={styles.readOnly} title="This session cannot change anything">
          read-only
        </span>
      ) : null}
      <span className={styles.who}>
        <span className={styles.user}>{data.who}</span>
        <span className={styles.profile} title="Connection profile">
          {data.profile}
        </span>
      </span>
      {(data.ssoProfiles?.length ?? 0) > 1 ? (
        <Link to="/sso/profile" className={styles.switch}>
          Switch connection
        </Link>
      ) : null}
      {data.authRequired ? (
        <>
          <Button
            size="sm"
            onClick={() => {
              signOut.mutate();
            }}
            disabled={pending}
          >
            Sign out
          </Button>
          <Button
            size="sm"
            variant="ghost"
            title={
              data.ssoProfiles
                ? `Ends every session of ${data.who}, on every device`
                : data.who === 'dashboard password'
                  ? 'Ends every session signed in with this profile’s dashboard password, on every device'
                  : `Ends every session of ${data.who} on this profile, on every device`
            }
            onClick={() => {
              everywhere.mutate();
            }}
            disabled={pending}
          >
            Sign out everywhere
          </Button>
        </>
      ) : null}
      {failed ? (
        <span role="alert" className="text-error">
          Could not sign out: {errorMessage(failed)}
        </span>
      ) : null}
    </div>
  );
}
