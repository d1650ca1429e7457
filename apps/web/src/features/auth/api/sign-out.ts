import { SESSION_PATH } from '@stowage/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiDelete } from '@/lib/api-client';
import { markSignedOut } from '@/lib/session';

/** DELETE /api/session: the server forgets the session and clears the cookie. */
export function signOut(): Promise<void> {
  return apiDelete(SESSION_PATH);
}

/** Signs out, then drops every cached answer so no data of this user remains in the page. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSuccess: () => {
      markSignedOut(queryClient);
    },
  });
}
