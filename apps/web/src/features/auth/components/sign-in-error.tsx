import { Banner, BannerHint } from '@/components/ui/banner';
import { ApiRequestError, errorMessage, hasCode, isUnavailableError } from '@/lib/api-client';

function titleOf(error: unknown): string {
  if (hasCode(error, 'KeysRefused', 'WrongPassword')) return 'Sign-in failed.';
  if (hasCode(error, 'TooManyRequests')) return 'Too many sign-in attempts.';
  if (hasCode(error, 'SharedStateUnavailable')) return 'Sign-in is unavailable for a moment.';
  if (isUnavailableError(error)) return 'The storage service cannot be reached.';
  return 'Could not sign in.';
}

/**
 * Why a sign-in did not work: wrong keys, too many attempts, the store unreachable, or (several
 * instances) the shared session store (Redis) unreachable: 503 SharedStateUnavailable.
 */
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
