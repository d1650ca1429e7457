import { Link, Outlet } from '@tanstack/react-router';
import { Logo } from '@/components/ui/logo';
import { UnavailableBanner } from '@/components/unavailable-banner';
import { SessionMenu } from '@/features/auth/components/session-menu';
import { useAdmin } from '@/lib/session';
import styles from './root.module.css';

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
      </header>
      <UnavailableBanner />
      <main className={styles.main}>
        <Outlet />
      </main>
    </div>
  );
}
