import { useNavigate } from '@tanstack/react-router';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { CenteredScreen } from '@/components/ui/centered-screen';
import { errorMessage } from '@/lib/api-client';
import { useSession } from '@/lib/session';
import { useChooseSsoProfile } from '../api/choose-sso-profile';
import styles from './login-page.module.css';

/**
 * After a single sign-on whose roles grant several profiles (the API sends the browser here),
 * and from the header later: one button per profile; the current one is marked.
 */
export function SsoProfilePage() {
  const { data } = useSession();
  const choose = useChooseSsoProfile();
  const navigate = useNavigate();
  const profiles = data?.signedIn ? (data.ssoProfiles ?? []) : [];
  return (
    <CenteredScreen main>
      <div className={styles.card}>
        <h1 className={styles.title}>Choose a connection</h1>
        {profiles.length === 0 ? (
          <Banner>This session has no other connection to choose.</Banner>
        ) : (
          <>
            <p>Your roles give you these connections. You can switch later from the header.</p>
            <ul className={styles.choices} aria-label="Connections">
              {profiles.map((name) => (
                <li key={name}>
                  <Button
                    variant={data?.signedIn && data.profile === name ? 'primary' : 'default'}
                    aria-current={data?.signedIn && data.profile === name ? 'true' : undefined}
                    disabled={choose.isPending}
                    onClick={() => {
                      choose.mutate(name, { onSuccess: () => void navigate({ to: '/' }) });
                    }}
                  >
                    {name}
                  </Button>
                </li>
              ))}
            </ul>
          </>
        )}
        {choose.error ? (
          <span role="alert" className="text-error">
            Could not switch: {errorMessage(choose.error)}
          </span>
        ) : null}
      </div>
    </CenteredScreen>
  );
}
