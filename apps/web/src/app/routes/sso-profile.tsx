import { SsoProfilePage } from '@/features/auth/components/sso-profile-page';

export function SsoProfileRoute() {
  return <SsoProfilePage />;
}
