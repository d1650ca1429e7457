import {
  createRootRoute,
  createRoute,
  createRouter,
  type SearchSchemaInput,
} from '@tanstack/react-router';
import { BucketRoute } from './routes/bucket';
import { BucketsRoute } from './routes/buckets';
import { NotFoundRoute } from './routes/not-found';
import { RootLayout } from './routes/root';
import { RouteError } from './routes/route-error';
import { parseSearch, stringifySearch } from './search-params';

const rootRoute = createRootRoute({ component: RootLayout });

const bucketsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  component: BucketsRoute,
});

export type BucketSearch = { prefix: string; key?: string };

/** Deep links: ?prefix= is the open folder (default: the root), ?key= the selected object. */
function validateBucketSearch(
  search: { prefix?: unknown; key?: unknown } & SearchSchemaInput,
): BucketSearch {
  const prefix = typeof search.prefix === 'string' ? search.prefix : '';
  const key = typeof search.key === 'string' && search.key !== '' ? search.key : undefined;
  return key === undefined ? { prefix } : { prefix, key };
}

const bucketRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/b/$bucket',
  validateSearch: validateBucketSearch,
  component: BucketRoute,
});

const routeTree = rootRoute.addChildren([bucketsRoute, bucketRoute]);

export const router = createRouter({
  routeTree,
  parseSearch,
  stringifySearch,
  defaultNotFoundComponent: NotFoundRoute,
  defaultErrorComponent: RouteError,
  scrollRestoration: false,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
