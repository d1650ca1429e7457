import { lazy, Suspense, useState } from 'react';
import { BucketList } from '@/features/buckets/components/bucket-list';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { useBucketAllowlist, useMayAdminister, useReadOnly } from '@/lib/session';
import { visibleKey } from '@/utils/visible-key';
import styles from './page.module.css';

// The bucket dialogs load on first use (with zod and the form library): not on the first screen.
const CreateBucketDialog = lazy(() =>
  import('@/features/bucket-admin/components/create-bucket-dialog').then((m) => ({
    default: m.CreateBucketDialog,
  })),
);
const DeleteBucketDialog = lazy(() =>
  import('@/features/bucket-admin/components/delete-bucket-dialog').then((m) => ({
    default: m.DeleteBucketDialog,
  })),
);

/**
 * `/`: the buckets, with "Create bucket" and each bucket's "Delete" where the profile may (not
 * read-only; with an allowlist, only its buckets). Read-only sessions see no write control.
 */
export function BucketsRoute() {
  const readOnly = useReadOnly();
  const allowlist = useBucketAllowlist();
  const mayAdminister = useMayAdminister();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const mayCreate = !readOnly && (allowlist === null || allowlist.length > 0);

  return (
    <div className={styles.page}>
      <div className={styles.header}>
        <h1>Buckets</h1>
        {mayCreate ? (
          <Button
            variant="primary"
            onClick={() => {
              setCreating(true);
            }}
          >
            Create bucket
          </Button>
        ) : null}
      </div>
      {created !== null ? (
        <Banner
          tone="info"
          action={
            <Button size="sm" variant="ghost" onClick={() => setCreated(null)}>
              Dismiss
            </Button>
          }
        >
          Bucket {visibleKey(created)} created.
        </Banner>
      ) : null}
      <BucketList
        {...(readOnly
          ? {}
          : {
              rowActions: (bucket: string) =>
                mayAdminister(bucket) ? (
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={`Delete bucket ${visibleKey(bucket)}`}
                    onClick={() => {
                      setDeleting(bucket);
                    }}
                  >
                    Delete
                  </Button>
                ) : null,
            })}
      />
      <Suspense fallback={null}>
        {creating ? (
          <CreateBucketDialog
            allowlist={allowlist}
            onClose={() => {
              setCreating(false);
            }}
            onCreated={(bucket) => {
              setCreating(false);
              setCreated(bucket.name);
            }}
          />
        ) : null}
        {deleting !== null ? (
          <DeleteBucketDialog
            bucket={deleting}
            onClose={() => {
              setDeleting(null);
            }}
          />
        ) : null}
      </Suspense>
    </div>
  );
}
