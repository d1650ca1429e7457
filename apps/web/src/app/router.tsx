import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  retainSearchParams,
  type SearchSchemaInput,
} from '@tanstack/react-router';
import { getBucketsQueryOptions } from '@/features/buckets/api/get-buckets';
import { getObjectsQueryOptions } from '@/features/objects/api/get-objects';
import { searchParamsOf, type SearchParams } from '@/features/search/search-params';
import { BucketRoute } from './routes/bucket';
import { BucketsRoute } from './routes/buckets';
import { NotFoundRoute } from './routes/not-found';
import { RootLayout } from './routes/root';
import { RouteError } from './routes/route-error';
import { parseSearch, stringifySearch } from './search-params';
import { sortFromParams, sortParams, type SortColumn } from '@/utils/sort-rows';

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: RootLayout,
});

/**
 * Each route asks for its data as it loads, not once it has rendered; on the first page that
 * is before React renders (main.tsx), and the API has sent a preload of the same URL with the
 * page. Only what is not cached yet: refreshing is the route's own (its queries, on mount), or
 * every selection in a stale 100-page folder would fetch it all again. The loaders do not
 * wait, and an error is the route's to show.
 */
const shownByTheRoute = () => undefined;

const bucketsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  loader: ({ context }) => {
    context.queryClient.ensureQueryData(getBucketsQueryOptions()).catch(shownByTheRoute);
  },
  component: BucketsRoute,
});

export type BucketSearch = {
  prefix: string;
  key?: string;
  deleted?: '1';
  sort?: SortColumn;
  order?: 'desc';
} & SearchParams;

/**
 * Deep links: ?prefix= is the open folder (default: the root), ?key= the selected object,
 * ?deleted=1 "Show deleted" and ?sort=&order= the column sort (both kept while moving through
 * the bucket's folders); ?q=&glob=&minSize=… a search of the folder (the API's names).
 */
function validateBucketSearch(search: Record<string, unknown> & SearchSchemaInput): BucketSearch {
  const prefix = typeof search.prefix === 'string' ? search.prefix : '';
  const key = typeof search.key === 'string' && search.key !== '' ? search.key : undefined;
  const deleted = String(search.deleted) === '1' ? ('1' as const) : undefined;
  return {
    prefix,
    ...(key === undefined ? {} : { key }),
    ...(deleted === undefined ? {} : { deleted }),
    ...sortParams(sortFromParams(search.sort, search.order)),
    ...searchParamsOf(search),
  };
}

const bucketRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/b/$bucket',
  validateSearch: validateBucketSearch,
  search: { middlewares: [retainSearchParams(['deleted', 'sort', 'order'])] },
  loaderDeps: ({ search }) => ({ prefix: search.prefix, deleted: search.deleted === '1' }),
  loader: ({ context, params, deps }) => {
    context.queryClient
      .ensureInfiniteQueryData(getObjectsQueryOptions(params.bucket, deps.prefix, deps.deleted))
      .catch(shownByTheRoute);
  },
  component: BucketRoute,
});

/** A bucket's settings: its own chunk (the forms, the JSON editor and zod), loaded on the way. */
const bucketSettingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/b/$bucket/settings',
  component: lazyRouteComponent(() => import('./routes/bucket-settings'), 'BucketSettingsRoute'),
});

/**
 * The bucket's unfinished multipart uploads. This page and the next load on first use (their
 * forms and streams bring zod): not on the first screen (ADR 0007).
 */
const uploadsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/b/$bucket/uploads',
  component: lazyRouteComponent(() => import('./routes/uploads'), 'UploadsRoute'),
});

/** What the bucket (or the folder ?prefix=) holds: a walk started when the page opens. */
const usageRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/b/$bucket/usage',
  validateSearch: (search: { prefix?: unknown } & SearchSchemaInput): { prefix: string } => ({
    prefix: typeof search.prefix === 'string' ? search.prefix : '',
  }),
  component: lazyRouteComponent(() => import('./routes/usage'), 'UsageRoute'),
});

/** The share and upload links made through Stowage in this bucket (Revoke). */
const linksRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/b/$bucket/links',
  component: lazyRouteComponent(() => import('./routes/links'), 'LinksRoute'),
});

/** Only the filters this page knows, as strings: what the API takes. */
const textParam = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

/** The audit log (admins): its own chunk; ?bucket=&user=&action= are its filters. */
const activityRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/activity',
  validateSearch: (
    search: Record<string, unknown> & SearchSchemaInput,
  ): { bucket?: string; user?: string; action?: string } => ({
    bucket: textParam(search.bucket),
    user: textParam(search.user),
    action: textParam(search.action),
  }),
  component: lazyRouteComponent(() => import('./routes/activity'), 'ActivityRoute'),
});

/** Single sign-on: pick one of the connections the person's roles grant (routes/api/sso.ts). */
const ssoProfileRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sso/profile',
  component: lazyRouteComponent(() => import('./routes/sso-profile'), 'SsoProfileRoute'),
});

const routeTree = rootRoute.addChildren([
  ssoProfileRoute,
  bucketsRoute,
  bucketRoute,
  bucketSettingsRoute,
  uploadsRoute,
  usageRoute,
  linksRoute,
  activityRoute,
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    parseSearch,
    stringifySearch,
    defaultNotFoundComponent: NotFoundRoute,
    defaultErrorComponent: RouteError,
    scrollRestoration: false,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
