import { Banner, BannerHint } from '@/components/ui/banner';
import { ApiRequestError, errorMessage } from '@/lib/api-client';

function titleOf(error: unknown): string {
  if (!(error instanceof ApiRequestError)) return 'Could not sign in.';
  if (error.status === 401) return 'Sign-in failed.';
  if (error.status === 429) return 'Too many sign-in attempts.';
  if ([0, 502, 503, 504].includes(error.status)) return 'The storage service cannot be reached.';
  return 'Could not sign in.';
}

/** Why a sign-in did not work: wrong keys (401), too many attempts (429), store unreachable (502). */
export function SignInError({ error }: { error: unknown }) {
  const retryAfter = error instanceof ApiRequestError ? error.retryAfterSeconds : undefined;
  return (
    <Banner title={titleOf(error)}>
      {errorMessage(error)}
      {retryAfter !== undefined ? (
        <BannerHint>
          Try again in {retryAfter} {retryAfter === 1 ? 'second' : 'seconds'}.
        </BannerHint>
      ) : null}
    </Banner>
  );
}
