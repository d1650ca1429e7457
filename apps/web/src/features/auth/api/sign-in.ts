import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SESSION_PATH, type SignInBody } from '@stowage/shared';
import { apiPost } from '@/lib/api-client';
import { takeSessionAnswer } from './session-answer';

/** POST /api/session: sets the session cookie (httpOnly) and answers the new session. */
export function signIn(body: SignInBody): Promise<unknown> {
  return apiPost<unknown>(SESSION_PATH, body);
}

/** Signs in; the body (and so the secret) lives only in this request, never in storage or the URL. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (answer) => takeSessionAnswer(queryClient, answer),
  });
}
