import type { ProfileSummary } from '@stowage/shared';
import { Banner } from '@/components/ui/banner';
import { SignInForm } from './sign-in-form';

type LoginPageProps = {
  profiles: readonly ProfileSummary[];
  defaultProfile: string;
  /** Why the user is here again ("Your session has ended…"), if they were signed in. */
  notice: string | null;
  onSignedIn: () => void;
};

/** Shown instead of the app while signed out, at the URL the user asked for (loaded lazily). */
export function LoginPage({ profiles, defaultProfile, notice, onSignedIn }: LoginPageProps) {
  return (
    <main className="login">
      <div className="login__card">
        <h1 className="login__title">
          <span className="app-header__logo" aria-hidden="true" />
          Sign in to Stowage
        </h1>
        {notice ? <Banner tone="warning">{notice}</Banner> : null}
        {profiles.length === 0 ? (
          <Banner title="No connection is configured.">
            Ask the operator to configure a connection profile.
          </Banner>
        ) : (
          <SignInForm profiles={profiles} defaultProfile={defaultProfile} onSignedIn={onSignedIn} />
        )}
      </div>
    </main>
  );
}
