import { lazy, Suspense } from 'react';
import { Link, Outlet } from '@tanstack/react-router';
import { Logo } from '@/components/ui/logo';
import { UnavailableBanner } from '@/components/unavailable-banner';
import { SessionMenu } from '@/features/auth/components/session-menu';
import { useAdmin } from '@/lib/session';
import styles from './root.module.css';

// The theme choice (public/theme.js applies a stored one before the first paint).
const ThemeSelect = lazy(() =>
  import('@/components/ui/theme-select').then((m) => ({ default: m.ThemeSelect })),
);

export function RootLayout() {
  const admin = useAdmin();
  return (
    <div className={styles.app}>
      <header className={styles.header}>
        <Link to="/" className={styles.brand}>
          <Logo />
          Stowage
        </Link>
        <nav aria-label="Main" className={styles.nav}>
          <Link to="/" activeOptions={{ exact: true }} activeProps={{ className: styles.active }}>
            Buckets
          </Link>
          {admin ? (
            <Link to="/activity" activeProps={{ className: styles.active }}>
              Activity
            </Link>
          ) : null}
        </nav>
        <SessionMenu />
        <Suspense fallback={null}>
          <ThemeSelect />
        </Suspense>
      </header>
      <UnavailableBanner />
      <main className={styles.main}>
        <Outlet />
      </main>
    </div>
  );
}
