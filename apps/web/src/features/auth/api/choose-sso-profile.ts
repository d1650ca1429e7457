import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SSO_PROFILE_PATH } from '@stowage/shared';
import { apiPost } from '@/lib/api-client';
import { takeSessionAnswer } from './session-answer';

/** POST /api/auth/sso/profile: a single sign-on session switches to another granted profile. */
export function chooseSsoProfile(profile: string): Promise<unknown> {
  return apiPost<unknown>(SSO_PROFILE_PATH, { profile });
}

/** Switches; the data of the previous profile is dropped like at a new sign-in. */
export function useChooseSsoProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: chooseSsoProfile,
    onSuccess: (answer) => takeSessionAnswer(queryClient, answer),
  });
}
