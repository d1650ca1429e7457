import clsx from 'clsx';
import { useState } from 'react';
import type { MultipartUpload } from '@stowage/shared';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Spinner } from '@/components/ui/spinner';
import { VisibleKey } from '@/components/ui/visible-key';
import { errorMessage, hasCode } from '@/lib/api-client';
import { formatBytes, formatCount, formatDateTime } from '@/utils/format';
import { useUploads } from '../api/get-uploads';
import { AbortOlderForm } from './abort-older-form';
import { AbortUploadDialog } from './abort-upload-dialog';
import tableStyles from '@/components/ui/data-table.module.css';
import styles from './uploads.module.css';

type UploadsPageProps = { bucket: string; readOnly: boolean };

/**
 * The bucket's unfinished multipart uploads (ListMultipartUploads, with ListParts' bytes):
 * key, started, parts, bytes held; Abort per row and "abort all older than N days".
 */
export function UploadsPage({ bucket, readOnly }: UploadsPageProps) {
  const uploads = useUploads(bucket);
  const [aborting, setAborting] = useState<MultipartUpload | null>(null);

  if (uploads.isPending) return <Spinner label="Loading unfinished uploads…" />;
  if (uploads.error) {
    const unsupported = hasCode(uploads.error, 'NotSupported');
    return (
      <Banner
        tone={unsupported ? 'warning' : 'error'}
        title={
          unsupported
            ? 'This store does not list unfinished uploads.'
            : 'Could not list the unfinished uploads.'
        }
        action={
          unsupported ? null : (
            <Button size="sm" onClick={() => void uploads.refetch()}>
              Retry
            </Button>
          )
        }
      >
        {errorMessage(uploads.error)}
      </Banner>
    );
  }

  const rows = uploads.data.pages.flatMap((page) => page.uploads);
  const bytes = rows.reduce((sum, u) => sum + u.bytes, 0);
  return (
    <>
      {readOnly ? null : <AbortOlderForm bucket={bucket} />}
      {rows.length === 0 ? (
        <EmptyState title="No unfinished uploads">
          Nothing holds space here: every multipart upload was completed or aborted.
        </EmptyState>
      ) : (
        <div className={clsx(tableStyles.card, styles.card)}>
          <table className={tableStyles.table} aria-label="Unfinished uploads">
            <thead>
              <tr>
                <th scope="col">Key</th>
                <th scope="col">Started</th>
                <th scope="col" className={tableStyles.number}>
                  Parts
                </th>
                <th scope="col" className={tableStyles.number}>
                  Bytes held
                </th>
                {readOnly ? null : (
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((upload) => (
                <tr key={upload.uploadId}>
                  <td className={tableStyles.key}>
                    <VisibleKey text={upload.key} />
                  </td>
                  <td className={tableStyles.date}>{formatDateTime(upload.initiated)}</td>
                  <td className={tableStyles.number}>{formatCount(upload.parts)}</td>
                  <td className={tableStyles.number}>{formatBytes(upload.bytes)}</td>
                  {readOnly ? null : (
                    <td className={tableStyles.actions}>
                      <Button
                        size="sm"
                        variant="ghost"
                        aria-label={`Abort the upload of ${upload.key}`}
                        onClick={() => {
                          setAborting(upload);
                        }}
                      >
                        Abort
                      </Button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          <p className={tableStyles.footer} role="status">
            {formatCount(rows.length)} unfinished {rows.length === 1 ? 'upload' : 'uploads'}
            {uploads.hasNextPage ? ' so far' : ''} holding {formatBytes(bytes)}
          </p>
        </div>
      )}
      {uploads.hasNextPage ? (
        <Button onClick={() => void uploads.fetchNextPage()} disabled={uploads.isFetchingNextPage}>
          {uploads.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </Button>
      ) : null}
      {aborting ? (
        <AbortUploadDialog
          bucket={bucket}
          upload={aborting}
          onClose={() => {
            setAborting(null);
          }}
        />
      ) : null}
    </>
  );
}
