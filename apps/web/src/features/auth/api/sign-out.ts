import { SESSION_PATH, type SignOutResponse } from '@stowage/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiDelete } from '@/lib/api-client';
import { markSignedOut } from '@/lib/session';

/**
 * DELETE /api/session: the server forgets the session and clears the cookie. A single sign-on
 * session answers the identity provider's end-session URL: where the browser goes next.
 */
export async function signOut(): Promise<string | undefined> {
  // Checked by hand, not by the zod schema: this runs in the first screen, zod does not.
  const answer = await apiDelete<Partial<SignOutResponse> | undefined>(SESSION_PATH);
  const url = answer?.endSessionUrl;
  return typeof url === 'string' && /^https?:\/\//.test(url) ? url : undefined;
}

/** Signs out, then drops every cached answer so no data of this user remains in the page. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSuccess: (endSessionUrl) => {
      markSignedOut(queryClient);
      // RP-initiated logout: the provider ends its own session, then sends the browser back.
      if (endSessionUrl) window.location.assign(endSessionUrl);
    },
  });
}
