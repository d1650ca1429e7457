import type { ProfileSummary, SsoSummary } from '@stowage/shared';
import { Banner } from '@/components/ui/banner';
import { ButtonLink } from '@/components/ui/button';
import { CenteredScreen } from '@/components/ui/centered-screen';
import { Logo } from '@/components/ui/logo';
import { SignInForm } from './sign-in-form';
import styles from './login-page.module.css';

type LoginPageProps = {
  profiles: readonly ProfileSummary[];
  defaultProfile: string;
  /** Why the user is here again ("Your session has ended…"), if they were signed in. */
  notice: string | null;
  onSignedIn: () => void;
  /** Single sign-on, when configured: its button, beside the form. */
  sso?: SsoSummary | undefined;
};

/** Shown instead of the app while signed out, at the URL the user asked for (loaded lazily). */
export function LoginPage({ profiles, defaultProfile, notice, onSignedIn, sso }: LoginPageProps) {
  return (
    <CenteredScreen main>
      <div className={styles.card}>
        <h1 className={styles.title}>
          <Logo />
          Sign in to Stowage
        </h1>
        {notice ? <Banner tone="warning">{notice}</Banner> : null}
        {sso ? (
          <div className={styles.sso}>
            {/* A full-page navigation: the API sends the browser on to the provider. */}
            <ButtonLink variant="primary" href={sso.startUrl}>
              Sign in with {sso.buttonName}
            </ButtonLink>
            {profiles.length > 0 ? <p className={styles.or}>or</p> : null}
          </div>
        ) : null}
        {profiles
          .filter((p) => p.demoKeys !== undefined)
          .map((p) => (
            <section key={p.name} className={styles.demo} aria-label="Demo keys">
              <p>
                {profiles.length > 1 ? `${p.name} is the` : 'This is the'} built-in demo store. Sign
                in with its keys:
              </p>
              <dl>
                <dt>Access key</dt>
                <dd>
                  <code>{p.demoKeys?.accessKeyId}</code>
                </dd>
                <dt>Secret key</dt>
                <dd>
                  <code>{p.demoKeys?.secretAccessKey}</code>
                </dd>
              </dl>
            </section>
          ))}
        {profiles.length === 0 && sso ? null : profiles.length === 0 ? (
          <Banner title="No connection is configured.">
            Ask the operator to configure a connection profile.
          </Banner>
        ) : (
          <SignInForm profiles={profiles} defaultProfile={defaultProfile} onSignedIn={onSignedIn} />
        )}
      </div>
    </CenteredScreen>
  );
}
