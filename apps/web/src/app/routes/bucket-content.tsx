import { lazy, Suspense } from 'react';
import type { BucketCapabilities } from '@stowage/shared';
import type { DeleteTarget } from '@/features/delete-objects/components/delete-dialog';
import type { VersionsTabProps } from '@/features/object-details/components/details-panel';
import { ObjectListing } from '@/features/objects/components/object-listing';
import type { ListingEntry } from '@/features/objects/utils/listing-entries';
import type { SearchParams } from '@/features/search/search-params';
import type { ShareRequest } from '@/features/share/share-request';
import { Spinner } from '@/components/ui/spinner';
import type { KeyRange } from '@/utils/key-range';
import type { SortState } from '@/utils/sort-rows';
import type { useBucketActions } from './bucket-actions';

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

type BucketContentProps = {
  bucket: string;
  prefix: string;
  /** The open folder (a filtered listing's folder: up to its last "/"). */
  folder: string;
  /** The selected object, whose details show beside the listing. */
  objectKey: string | undefined;
  readOnly: boolean;
  searching: boolean;
  searchParams: SearchParams;
  sort: SortState;
  onSortChange: (next: SortState) => void;
  showDeleted: boolean;
  /** The search box's instant filter of the loaded rows (none: every row). */
  filter: ((entry: ListingEntry) => boolean) | undefined;
  actions: ReturnType<typeof useBucketActions>;
  capabilities: BucketCapabilities | undefined;
  /** The bucket versions: the details panel gets its Versions tab. */
  versioned: boolean;
  /** The session may share links: the details panel offers Share. */
  canShare: boolean;
  onCloseDetails: () => void;
  onDelete: (target: DeleteTarget) => void;
  onDeleteRange: (range: KeyRange) => void;
  onShare: (request: ShareRequest) => void;
};

/**
 * The bucket page's content: the folder's listing (or a search's results) and the selected
 * object's details beside it. A read-only session gets no write control.
 */
export function BucketContent({
  bucket,
  prefix,
  folder,
  objectKey,
  readOnly,
  searching,
  searchParams,
  sort,
  onSortChange,
  showDeleted,
  filter,
  actions,
  capabilities,
  versioned,
  canShare,
  onCloseDetails,
  onDelete,
  onDeleteRange,
  onShare,
}: BucketContentProps) {
  const versionsTab = versioned
    ? (tab: VersionsTabProps) => (
        <Suspense fallback={null}>
          <ObjectVersions bucket={bucket} readOnly={readOnly} {...tab} />
        </Suspense>
      )
    : undefined;
  return (
    <>
      {searching ? (
        <Suspense fallback={<Spinner label="Loading search…" />}>
          <SearchResults
            bucket={bucket}
            prefix={folder}
            params={searchParams}
            sort={sort}
            onSortChange={onSortChange}
            selectedKey={objectKey}
            selectionActions={actions.selectionActions}
            rowActions={actions.rowActions}
          />
        </Suspense>
      ) : (
        <ObjectListing
          bucket={bucket}
          prefix={prefix}
          showDeleted={showDeleted}
          selectedKey={objectKey}
          selectionActions={actions.selectionActions}
          rowActions={actions.rowActions}
          sort={sort}
          onSortChange={onSortChange}
          filter={filter}
          {...(readOnly
            ? {}
            : {
                onDeleteFolder: (folderPrefix: string) => {
                  onDelete({ kind: 'folder', prefix: folderPrefix });
                },
                onDropItems: actions.onDropItems,
                onDeleteRange,
                emptyAction: (
                  <Suspense fallback={null}>
                    <UploadFilesButton bucket={bucket} prefix={folder} />
                  </Suspense>
                ),
              })}
        />
      )}
      {objectKey !== undefined ? (
        <Suspense fallback={null}>
          <DetailsPanel
            bucket={bucket}
            objectKey={objectKey}
            capabilities={capabilities}
            onClose={onCloseDetails}
            readOnly={readOnly}
            versions={versionsTab}
            {...(canShare
              ? {
                  onShare: (shared: string) => {
                    onShare({ kind: 'download', bucket, key: shared });
                  },
                }
              : {})}
            {...(readOnly
              ? {}
              : {
                  onDelete: (deleted: string) => {
                    onDelete({ kind: 'objects', keys: [deleted] });
                  },
                })}
          />
        </Suspense>
      ) : null}
    </>
  );
}
