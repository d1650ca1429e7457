import { lazy, Suspense, useState } from 'react';
import clsx from 'clsx';
import { getRouteApi } from '@tanstack/react-router';
import { parentPrefix } from '@stowage/shared';
import type {
  DeleteOutcome,
  DeleteTarget,
} from '@/features/delete-objects/components/delete-dialog';
import { useBucketCapabilities } from '@/features/bucket-capabilities/api/get-bucket-capabilities';
import { VersioningStatus } from '@/features/bucket-capabilities/components/versioning-status';
import { DetailsPanel } from '@/features/object-details/components/details-panel';
import { useFirstPageSettled } from '@/features/objects/api/get-objects';
import { GoToPathForm } from '@/features/objects/components/go-to-path-form';
import { ObjectBreadcrumb } from '@/features/objects/components/object-breadcrumb';
import { ObjectListing } from '@/features/objects/components/object-listing';
import { UploadActions } from '@/features/upload/components/upload-actions';
import { UploadDropZone } from '@/features/upload/components/upload-drop-zone';
import { useReadOnly } from '@/lib/session';
import styles from './bucket.module.css';

// Loaded on first use, with the shared delete schema (and so zod) it needs.
const DeleteDialog = lazy(() =>
  import('@/features/delete-objects/components/delete-dialog').then((m) => ({
    default: m.DeleteDialog,
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
  const { prefix, key } = route.useSearch();
  const navigate = route.useNavigate();
  const [deleting, setDeleting] = useState<DeleteTarget | null>(null);
  // Five probes of the store: they wait for the folder's first page, not the other way round.
  const firstPageSettled = useFirstPageSettled(bucket, prefix);
  const { data: capabilities } = useBucketCapabilities(bucket, { enabled: firstPageSettled });

  // Closing replaces the history entry, as selecting does: back/forward step through folders.
  const closeDetails = () => void navigate({ search: { prefix }, replace: true });

  // The open object went with the delete: close its panel.
  const onDeleted = ({ target, failedKeys }: DeleteOutcome) => {
    if (key === undefined || failedKeys.includes(key)) return;
    const gone =
      target.kind === 'folder' ? key.startsWith(target.prefix) : target.keys.includes(key);
    if (gone) closeDetails();
  };

  const contentClass = clsx(styles.content, key !== undefined && styles.withDetails);
  const content = (
    <>
      <ObjectListing
        bucket={bucket}
        prefix={prefix}
        selectedKey={key}
        {...(readOnly
          ? {}
          : {
              onDeleteObjects: (keys: string[]) => {
                setDeleting({ kind: 'objects', keys });
              },
              onDeleteFolder: (folder: string) => {
                setDeleting({ kind: 'folder', prefix: folder });
              },
            })}
      />
      {key !== undefined ? (
        <DetailsPanel
          bucket={bucket}
          objectKey={key}
          capabilities={capabilities}
          onClose={closeDetails}
          readOnly={readOnly}
          {...(readOnly
            ? {}
            : {
                onDelete: (objectKey: string) => {
                  setDeleting({ kind: 'objects', keys: [objectKey] });
                },
              })}
        />
      ) : null}
    </>
  );

  return (
    <div className={styles.browser}>
      <div className={styles.toolbar}>
        <ObjectBreadcrumb bucket={bucket} prefix={prefix} />
        <VersioningStatus capabilities={capabilities} />
        <GoToPathForm
          key={`${bucket}\n${prefix}\n${key ?? ''}`}
          bucket={bucket}
          initialPath={key ?? prefix}
        />
      </div>
      {readOnly ? (
        <div className={contentClass}>{content}</div>
      ) : (
        <>
          <UploadActions
            bucket={bucket}
            prefix={prefix}
            onCreated={(created) =>
              void navigate({ search: { prefix: parentPrefix(created), key: created } })
            }
          />
          <UploadDropZone bucket={bucket} prefix={prefix} className={contentClass}>
            {content}
          </UploadDropZone>
        </>
      )}
      {deleting ? (
        <Suspense fallback={null}>
          <DeleteDialog
            bucket={bucket}
            target={deleting}
            onClose={() => {
              setDeleting(null);
            }}
            onDeleted={onDeleted}
          />
        </Suspense>
      ) : null}
    </div>
  );
}
