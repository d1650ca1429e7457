import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import clsx from 'clsx';
import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { parentPrefix } from '@stowage/shared';
import type {
  DeleteOutcome,
  DeleteTarget,
} from '@/features/delete-objects/components/delete-dialog';
import { useBucketCapabilities } from '@/features/bucket-capabilities/api/get-bucket-capabilities';
import { VersioningStatus } from '@/features/bucket-capabilities/components/versioning-status';
import type { VersionsTabProps } from '@/features/object-details/components/details-panel';
import { useBucketMissing, useFirstPageSettled } from '@/features/objects/api/get-objects';
import { GoToPathForm } from '@/features/objects/components/go-to-path-form';
import { ObjectBreadcrumb } from '@/features/objects/components/object-breadcrumb';
import { ObjectListing } from '@/features/objects/components/object-listing';
import { ShowDeletedToggle } from '@/features/objects/components/show-deleted-toggle';
import { SearchBox } from '@/features/search/components/search-box';
import { useSearchBox } from '@/features/search/hooks/use-search-box';
import {
  isSearching,
  NO_SEARCH,
  searchParamsOf,
  type SearchParams,
} from '@/features/search/search-params';
import { UploadActions } from '@/features/upload/components/upload-actions';
import { UploadDropZone } from '@/features/upload/components/upload-drop-zone';
import type { OrganizeRequest } from '@/features/organize/organize-request';
import type { ShareRequest } from '@/features/share/share-request';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { sortFromParams, sortParams, type SortState } from '@/utils/sort-rows';
import type { KeyRange } from '@/utils/key-range';
import { useLinkAbilities, useMayAdminister, useReadOnly } from '@/lib/session';
import { useBucketActions } from './bucket-actions';
import { BucketLinks } from './bucket-links';
import styles from './bucket.module.css';

// Loaded on first use, with the shared delete schema (and so zod) it needs.
const DeleteDialog = lazy(() =>
  import('@/features/delete-objects/components/delete-dialog').then((m) => ({
    default: m.DeleteDialog,
  })),
);

// A windowed listing's range delete, on first use.
const RangeDeleteDialog = lazy(() =>
  import('@/features/delete-objects/components/range-delete-dialog').then((m) => ({
    default: m.RangeDeleteDialog,
  })),
);

// Copy, move and rename: the picker, the forms and the progress, with zod, on first use.
const OrganizeDialogs = lazy(() =>
  import('@/features/organize/components/organize-dialogs').then((m) => ({
    default: m.OrganizeDialogs,
  })),
);

// Share and upload links: the dialogs (with zod) on first use.
const ShareDialogs = lazy(() =>
  import('@/features/share/components/share-dialogs').then((m) => ({
    default: m.ShareDialogs,
  })),
);

// The selected object's panel (fields, preview, forms), on first use: a folder opens without it.
const DetailsPanel = lazy(() =>
  import('@/features/object-details/components/details-panel').then((m) => ({
    default: m.DetailsPanel,
  })),
);

// An object's versions (the details panel's Versions tab), on first use.
const ObjectVersions = lazy(() =>
  import('@/features/object-versions/components/object-versions').then((m) => ({
    default: m.ObjectVersions,
  })),
);

// A search's results (the stream, its grid) on first use: the first screen has only the box.
const SearchResults = lazy(() =>
  import('@/features/search/components/search-results').then((m) => ({
    default: m.SearchResults,
  })),
);

// An empty folder's hint and upload button, with the first empty folder.
const UploadFilesButton = lazy(() =>
  import('@/features/upload/components/upload-files-button').then((m) => ({
    default: m.UploadFilesButton,
  })),
);

const route = getRouteApi('/b/$bucket');

/**
 * /b/$bucket?prefix=…&key=…: the folder listing, and the selected object's details beside it.
 * A read-only session gets no write control at all (hidden, not disabled).
 */
export function BucketRoute() {
  const readOnly = useReadOnly();
  const { bucket } = route.useParams();
  const urlSearch = route.useSearch();
  const { prefix, key, deleted } = urlSearch;
  const navigate = route.useNavigate();
  const { q, glob, matchCase, minSize, maxSize, modifiedAfter, modifiedBefore } = urlSearch;
  const searchParams = useMemo(
    () => searchParamsOf({ q, glob, matchCase, minSize, maxSize, modifiedAfter, modifiedBefore }),
    [q, glob, matchCase, minSize, maxSize, modifiedAfter, modifiedBefore],
  );
  const searching = isSearching(searchParams);
  const sort = sortFromParams(urlSearch.sort, urlSearch.order);
  const onSortChange = useCallback(
    (next: SortState) =>
      void navigate({
        search: (prev) => ({ ...prev, sort: undefined, order: undefined, ...sortParams(next) }),
        replace: true,
      }),
    [navigate],
  );
  const [deleting, setDeleting] = useState<DeleteTarget | null>(null);
  const [deletingRange, setDeletingRange] = useState<KeyRange | null>(null);
  const [organizing, setOrganizing] = useState<OrganizeRequest | null>(null);
  const [sharing, setSharing] = useState<ShareRequest | null>(null);
  const [undeleteNote, setUndeleteNote] = useState<{ error: boolean; text: string } | null>(null);
  const links = useLinkAbilities();
  const mayAdminister = useMayAdminister();
  const queryClient = useQueryClient();
  // Undelete (a deleted row's, or a selection's): loaded on first use, as the zip download is.
  const onUndelete = useCallback(
    (keys: readonly string[]) => {
      setUndeleteNote(null);
      void import('@/features/object-versions/api/undelete-object')
        .then(({ undeleteKeys }) => undeleteKeys(queryClient, bucket, keys))
        .catch(() => ({ error: true, text: 'The undelete could not start: reload the page.' }))
        .then(setUndeleteNote);
    },
    [queryClient, bucket],
  );
  const folder = prefix.slice(0, prefix.lastIndexOf('/') + 1);
  const searchBox = useSearchBox(bucket, folder, searchParams);
  // A search is its own history entry (Back returns to the folder); clearing it replaces.
  const runSearch = (params: SearchParams) =>
    void navigate({ search: (prev) => ({ ...prev, ...NO_SEARCH, ...params, key: undefined }) });
  const clearSearch = () =>
    void navigate({ search: (prev) => ({ ...prev, ...NO_SEARCH }), replace: true });
  const actions = useBucketActions({
    bucket,
    folder,
    readOnly,
    onDelete: setDeleting,
    onOrganize: setOrganizing,
    links,
    onShare: setSharing,
    onUndelete,
  });
  // Five probes of the store: they wait for the folder's first page, not the other way round.
  const firstPageSettled = useFirstPageSettled(bucket, prefix, deleted === '1');
  // No such bucket: nothing to upload into (the listing says so, with a way back).
  const bucketMissing = useBucketMissing(bucket, prefix, deleted === '1');
  const { data: capabilities } = useBucketCapabilities(bucket, { enabled: firstPageSettled });
  // Versions exist where the bucket versions (on, or suspended with versions kept).
  const versioned =
    capabilities?.versioning === 'Enabled' || capabilities?.versioning === 'Suspended';
  // ?deleted=1 is trusted until the store is known not to version.
  const showDeleted = deleted === '1' && (capabilities === undefined || versioned);
  const versionsTab = versioned
    ? (tab: VersionsTabProps) => (
        <Suspense fallback={null}>
          <ObjectVersions bucket={bucket} readOnly={readOnly} {...tab} />
        </Suspense>
      )
    : undefined;

  // Closing replaces the history entry, as selecting does: back/forward step through folders.
  const closeDetails = () =>
    void navigate({ search: (prev) => ({ ...prev, key: undefined }), replace: true });
  // Closed by the user (Close, Escape): the focus goes back to the object's row.
  const closeDetailsToRow = () => {
    const row = document.querySelector<HTMLElement>('[role="row"][aria-selected="true"] a');
    closeDetails();
    requestAnimationFrame(() => row?.focus());
  };

  // The open object went with the delete: close its panel.
  const onDeleted = (outcome: DeleteOutcome) => {
    // The toast (and its Undo) load with the first delete, not with the page.
    void import('./delete-toast').then(({ toastDeleted }) => {
      toastDeleted(queryClient, bucket, outcome, capabilities?.versioning);
    });
    const { target, failedKeys } = outcome;
    if (key === undefined || failedKeys.includes(key)) return;
    const prefixes =
      target.kind === 'folder' ? [target.prefix] : target.kind === 'items' ? target.prefixes : [];
    const keys = target.kind === 'folder' ? [] : target.keys;
    if (keys.includes(key) || prefixes.some((p) => key.startsWith(p))) closeDetails();
  };

  // The open object was renamed: show it under its new name.
  const onRenamed = useCallback(
    (from: string, to: string) => {
      if (key === from) void navigate({ search: { prefix, key: to }, replace: true });
    },
    [key, prefix, navigate],
  );
  const closeOrganizing = useCallback(() => {
    setOrganizing(null);
  }, []);

  const contentClass = clsx(styles.content, key !== undefined && styles.withDetails);
  const content = (
    <>
      {searching ? (
        <Suspense fallback={<Spinner label="Loading search…" />}>
          <SearchResults
            bucket={bucket}
            prefix={folder}
            params={searchParams}
            sort={sort}
            onSortChange={onSortChange}
            selectedKey={key}
            selectionActions={actions.selectionActions}
            rowActions={actions.rowActions}
          />
        </Suspense>
      ) : (
        <ObjectListing
          bucket={bucket}
          prefix={prefix}
          showDeleted={showDeleted}
          selectedKey={key}
          selectionActions={actions.selectionActions}
          rowActions={actions.rowActions}
          sort={sort}
          onSortChange={onSortChange}
          filter={searchBox.instant.filter ?? undefined}
          {...(readOnly
            ? {}
            : {
                onDeleteFolder: (folderPrefix: string) => {
                  setDeleting({ kind: 'folder', prefix: folderPrefix });
                },
                onDropItems: actions.onDropItems,
                onDeleteRange: setDeletingRange,
                emptyAction: (
                  <Suspense fallback={null}>
                    <UploadFilesButton bucket={bucket} prefix={folder} />
                  </Suspense>
                ),
              })}
        />
      )}
      {key !== undefined ? (
        <Suspense fallback={null}>
          <DetailsPanel
            bucket={bucket}
            objectKey={key}
            capabilities={capabilities}
            onClose={closeDetailsToRow}
            readOnly={readOnly}
            versions={versionsTab}
            {...(links
              ? {
                  onShare: (objectKey: string) => {
                    setSharing({ kind: 'download', bucket, key: objectKey });
                  },
                }
              : {})}
            {...(readOnly
              ? {}
              : {
                  onDelete: (objectKey: string) => {
                    setDeleting({ kind: 'objects', keys: [objectKey] });
                  },
                })}
          />
        </Suspense>
      ) : null}
    </>
  );

  return (
    <div className={styles.browser}>
      <div className={styles.toolbar}>
        <ObjectBreadcrumb
          bucket={bucket}
          prefix={prefix}
          {...(actions.onDropItems ? { onDropItems: actions.onDropItems } : {})}
        />
        <VersioningStatus
          bucket={bucket}
          capabilities={capabilities}
          canChange={mayAdminister(bucket)}
        />
        {versioned ? (
          <ShowDeletedToggle
            checked={showDeleted}
            onChange={(checked) =>
              void navigate({
                search: (prev) => ({ ...prev, deleted: checked ? '1' : undefined }),
                replace: true,
              })
            }
          />
        ) : null}
        <BucketLinks bucket={bucket} folder={folder} />
        <GoToPathForm
          key={`${bucket}\n${prefix}\n${key ?? ''}`}
          bucket={bucket}
          initialPath={key ?? prefix}
        />
      </div>
      <SearchBox box={searchBox} searching={searching} onSearch={runSearch} onClear={clearSearch} />
      {actions.zipError ? (
        <Banner
          title="No zip."
          action={
            <Button size="sm" variant="ghost" onClick={actions.dismissZipError}>
              Dismiss
            </Button>
          }
        >
          {actions.zipError}
        </Banner>
      ) : null}
      {undeleteNote ? (
        <Banner
          tone={undeleteNote.error ? 'error' : 'info'}
          action={
            <Button
              size="sm"
              variant="ghost"
              onClick={() => {
                setUndeleteNote(null);
              }}
            >
              Dismiss
            </Button>
          }
        >
          {undeleteNote.text}
        </Banner>
      ) : null}
      {readOnly ? (
        <div className={contentClass}>{content}</div>
      ) : (
        <>
          {bucketMissing ? null : (
            <UploadActions
              bucket={bucket}
              prefix={prefix}
              onCreated={(created) =>
                void navigate({ search: { prefix: parentPrefix(created), key: created } })
              }
              onFolderCreated={(created) => void navigate({ search: { prefix: created } })}
            >
              {links?.upload ? (
                <Button
                  onClick={() => {
                    setSharing({ kind: 'upload', bucket, prefix: folder });
                  }}
                >
                  Upload link…
                </Button>
              ) : null}
            </UploadActions>
          )}
          <UploadDropZone
            bucket={bucket}
            prefix={prefix}
            className={contentClass}
            disabled={bucketMissing}
          >
            {content}
          </UploadDropZone>
        </>
      )}
      {deleting ? (
        <Suspense fallback={null}>
          <DeleteDialog
            bucket={bucket}
            target={deleting}
            versioning={capabilities?.versioning}
            onClose={() => {
              setDeleting(null);
            }}
            onDeleted={onDeleted}
          />
        </Suspense>
      ) : null}
      {deletingRange ? (
        <Suspense fallback={null}>
          <RangeDeleteDialog
            bucket={bucket}
            range={deletingRange}
            versioning={capabilities?.versioning}
            onClose={() => {
              setDeletingRange(null);
            }}
          />
        </Suspense>
      ) : null}
      {organizing ? (
        <Suspense fallback={null}>
          <OrganizeDialogs request={organizing} onClose={closeOrganizing} onRenamed={onRenamed} />
        </Suspense>
      ) : null}
      {sharing && links ? (
        <Suspense fallback={null}>
          <ShareDialogs
            request={sharing}
            links={links}
            onClose={() => {
              setSharing(null);
            }}
          />
        </Suspense>
      ) : null}
    </div>
  );
}
