import { SESSIONS_PATH } from '@stowage/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiDelete } from '@/lib/api-client';
import { markSignedOut } from '@/lib/session';

/** DELETE /api/sessions: every session of this user ends, on every device, this one included. */
export function signOutEverywhere(): Promise<void> {
  return apiDelete(SESSIONS_PATH);
}

export function useSignOutEverywhere() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOutEverywhere,
    onSuccess: () => {
      markSignedOut(queryClient);
    },
  });
}
