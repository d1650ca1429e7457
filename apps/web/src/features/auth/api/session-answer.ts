import type { QueryClient } from '@tanstack/react-query';
import { SessionResponseSchema } from '@stowage/shared';
import { markSignedIn, sessionQueryKey } from '@/lib/session';

/**
 * A sign-in's or a profile switch's answer is the new session: taken as is when it says so
 * (the previous session's data is dropped), else the session is asked again.
 */
export async function takeSessionAnswer(queryClient: QueryClient, answer: unknown) {
  const session = SessionResponseSchema.safeParse(answer);
  if (session.success && session.data.signedIn) {
    markSignedIn(queryClient, session.data);
    return;
  }
  await queryClient.invalidateQueries({ queryKey: sessionQueryKey });
}
