import { Link, Outlet } from '@tanstack/react-router';
import { UnavailableBanner } from '@/components/unavailable-banner';
import { SessionMenu } from '@/features/auth/components/session-menu';

export function RootLayout() {
  return (
    <div className="app">
      <header className="app-header">
        <Link to="/" className="app-header__brand">
          <span className="app-header__logo" aria-hidden="true" />
          Stowage
        </Link>
        <nav aria-label="Main" className="app-header__nav">
          <Link to="/" activeOptions={{ exact: true }} activeProps={{ className: 'is-active' }}>
            Buckets
          </Link>
        </nav>
        <SessionMenu />
      </header>
      <UnavailableBanner />
      <main className="app-main">
        <Outlet />
      </main>
    </div>
  );
}
