import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import clsx from 'clsx';
import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { parentPrefix } from '@stowage/shared';
import type {
  DeleteOutcome,
  DeleteTarget,
} from '@/features/delete-objects/components/delete-dialog';
import { DeleteDialogs } from '@/features/delete-objects/components/delete-dialogs';
import { useBucketCapabilities } from '@/features/bucket-capabilities/api/get-bucket-capabilities';
import { useBucketMissing, useFirstPageSettled } from '@/features/objects/api/get-objects';
// Here, where the listing's import was: the bundler's chunks follow the import order (imported
// last, it split utils/format.ts into a first-screen chunk of its own, +0.2 KB gzipped).
import { BucketContent } from './bucket-content';
import { useUndelete } from '@/features/object-versions/hooks/use-undelete';
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
import { sortFromParams, sortParams, type SortState } from '@/utils/sort-rows';
import type { KeyRange } from '@/utils/key-range';
import { useLinkAbilities, useReadOnly } from '@/lib/session';
import { useBucketActions } from './bucket-actions';
import { BucketToolbar } from './bucket-toolbar';
import styles from './bucket.module.css';

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
  const links = useLinkAbilities();
  const queryClient = useQueryClient();
  const undelete = useUndelete(bucket);
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
    onUndelete: undelete.onUndelete,
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
    <BucketContent
      bucket={bucket}
      prefix={prefix}
      folder={folder}
      objectKey={key}
      readOnly={readOnly}
      searching={searching}
      searchParams={searchParams}
      sort={sort}
      onSortChange={onSortChange}
      showDeleted={showDeleted}
      filter={searchBox.instant.filter ?? undefined}
      actions={actions}
      capabilities={capabilities}
      versioned={versioned}
      canShare={Boolean(links)}
      onCloseDetails={closeDetailsToRow}
      onDelete={setDeleting}
      onDeleteRange={setDeletingRange}
      onShare={setSharing}
    />
  );

  return (
    <div className={styles.browser}>
      <BucketToolbar
        bucket={bucket}
        prefix={prefix}
        folder={folder}
        objectKey={key}
        capabilities={capabilities}
        versioned={versioned}
        showDeleted={showDeleted}
        onDropItems={actions.onDropItems}
      />
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
      {undelete.note ? (
        <Banner
          tone={undelete.note.error ? 'error' : 'info'}
          action={
            <Button size="sm" variant="ghost" onClick={undelete.dismissNote}>
              Dismiss
            </Button>
          }
        >
          {undelete.note.text}
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
      <DeleteDialogs
        bucket={bucket}
        deleting={deleting}
        deletingRange={deletingRange}
        versioning={capabilities?.versioning}
        onCloseDelete={() => {
          setDeleting(null);
        }}
        onCloseRange={() => {
          setDeletingRange(null);
        }}
        onDeleted={onDeleted}
      />
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
