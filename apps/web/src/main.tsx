// The tokens and the global rules first: every component's CSS Module comes after them.
import './styles/tokens.css';
import './styles/base.css';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { RouterProvider } from '@tanstack/react-router';
import { PUBLIC_LINK_PREFIX } from '@stowage/shared';
import { AppProvider } from './app/provider';
import { createAppRouter } from './app/router';
import { createQueryClient } from './lib/query-client';
import { getSessionQueryOptions } from './lib/session';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

function startApp(reactRoot: Root) {
  const queryClient = createQueryClient();
  const router = createAppRouter(queryClient);
  // The first screen's requests leave together, before React renders: the session check and,
  // at a folder's URL, its first page (the route's loader). For a signed-out visitor that page
  // is a 401, dropped with the rest of the cache when they sign in.
  void queryClient.prefetchQuery(getSessionQueryOptions());
  void router.load();
  // The keyboard shortcuts and the tab title: after the first paint, in a chunk of their own.
  void import('./lib/keymap').then((m) => {
    m.installKeymap(router);
  });

  reactRoot.render(
    <StrictMode>
      <AppProvider queryClient={queryClient}>
        <RouterProvider router={router} />
      </AppProvider>
    </StrictMode>,
  );
}

/**
 * `/s/<token>`: a share link's public page (an upload link, a password to type), for someone
 * without an account. No session, no router, none of the app's screens: its own small chunk.
 */
function startPublicLink(reactRoot: Root) {
  const PublicLinkRoute = lazy(() =>
    import('./app/routes/public-link').then((m) => ({ default: m.PublicLinkRoute })),
  );
  reactRoot.render(
    <StrictMode>
      <Suspense fallback={null}>
        <PublicLinkRoute />
      </Suspense>
    </StrictMode>,
  );
}

const reactRoot = createRoot(root);
if (window.location.pathname.startsWith(PUBLIC_LINK_PREFIX)) startPublicLink(reactRoot);
else startApp(reactRoot);
