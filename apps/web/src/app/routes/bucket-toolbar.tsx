import { getRouteApi } from '@tanstack/react-router';
import type { BucketCapabilities } from '@stowage/shared';
import { VersioningStatus } from '@/features/bucket-capabilities/components/versioning-status';
import { GoToPathForm } from '@/features/objects/components/go-to-path-form';
import { ObjectBreadcrumb } from '@/features/objects/components/object-breadcrumb';
import { ShowDeletedToggle } from '@/features/objects/components/show-deleted-toggle';
import { useMayAdminister } from '@/lib/session';
import type { DraggedItems } from '@/utils/items';
import { BucketLinks } from './bucket-links';
import styles from './bucket.module.css';

const route = getRouteApi('/b/$bucket');

type BucketToolbarProps = {
  bucket: string;
  prefix: string;
  folder: string;
  objectKey: string | undefined;
  capabilities: BucketCapabilities | undefined;
  versioned: boolean;
  showDeleted: boolean;
  /** Rows dropped on a crumb (absent when read-only). */
  onDropItems?: ((items: DraggedItems, to: string) => void) | undefined;
};

/** The bucket page's toolbar: where we are, versioning, deleted rows, the bucket's pages, Go to. */
export function BucketToolbar({
  bucket,
  prefix,
  folder,
  objectKey,
  capabilities,
  versioned,
  showDeleted,
  onDropItems,
}: BucketToolbarProps) {
  const navigate = route.useNavigate();
  const mayAdminister = useMayAdminister();
  return (
    <div className={styles.toolbar}>
      <ObjectBreadcrumb bucket={bucket} prefix={prefix} {...(onDropItems ? { onDropItems } : {})} />
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
        key={`${bucket}\n${prefix}\n${objectKey ?? ''}`}
        bucket={bucket}
        initialPath={objectKey ?? prefix}
      />
    </div>
  );
}
