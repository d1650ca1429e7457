import { useEffect } from 'react';
import { PublicLinkPage } from '@/features/public-link/components/public-link-page';
import { tokenOfPath } from '@/features/public-link/utils/link-token';

/** `/s/<token>`: the public link page, outside the app (main.tsx); its token from the path. */
export function PublicLinkRoute() {
  useEffect(() => {
    document.title = 'Shared link · Stowage';
  }, []);
  return <PublicLinkPage token={tokenOfPath(window.location.pathname)} />;
}
