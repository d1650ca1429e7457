// The tokens and the global rules first: every component's CSS Module comes after them.
import './styles/tokens.css';
import './styles/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from '@tanstack/react-router';
import { AppProvider } from './app/provider';
import { createAppRouter } from './app/router';
import { createQueryClient } from './lib/query-client';
import { getSessionQueryOptions } from './lib/session';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const queryClient = createQueryClient();
const router = createAppRouter(queryClient);
// The first screen's requests leave together, before React renders: the session check and,
// at a folder's URL, its first page (the route's loader). For a signed-out visitor that page
// is a 401, dropped with the rest of the cache when they sign in.
void queryClient.prefetchQuery(getSessionQueryOptions());
void router.load();

createRoot(root).render(
  <StrictMode>
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>
  </StrictMode>,
);
