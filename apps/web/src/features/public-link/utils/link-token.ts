import { PUBLIC_LINK_PREFIX } from '@stowage/shared';

/** The token of a public link page's path (`/s/<token>`, a trailing "/" allowed), or null. */
export function tokenOfPath(pathname: string): string | null {
  if (!pathname.startsWith(PUBLIC_LINK_PREFIX)) return null;
  const rest = pathname.slice(PUBLIC_LINK_PREFIX.length).replace(/\/$/, '');
  return /^[A-Za-z0-9_.-]+$/.test(rest) ? rest : null;
}
