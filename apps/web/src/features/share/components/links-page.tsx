import { useState } from 'react';
import clsx from 'clsx';
import type { LinkSummary } from '@stowage/shared';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Spinner } from '@/components/ui/spinner';
import { VisibleKey } from '@/components/ui/visible-key';
import { errorMessage } from '@/lib/api-client';
import { formatCount, formatDateTime } from '@/utils/format';
import { useLinks } from '../api/get-links';
import { protections } from '../utils/protections';
import { CopyButton } from './copy-button';
import { RevokeLinkDialog } from './revoke-link-dialog';
import tableStyles from '@/components/ui/data-table.module.css';
import styles from './share.module.css';

type LinksPageProps = { bucket: string; readOnly: boolean };

/**
 * The links made through Stowage in this bucket (download links through Stowage, upload
 * links): what, who, when, until when, their protections; Copy, and Revoke where the
 * profile may write. Direct links are the store's own signed URLs: Stowage keeps no record.
 */
export function LinksPage({ bucket, readOnly }: LinksPageProps) {
  const links = useLinks(bucket);
  const [revoking, setRevoking] = useState<LinkSummary | null>(null);

  if (links.isPending) return <Spinner label="Loading links…" />;
  // A failed "Load more" or refresh keeps the rows it had (its message is under them).
  if (links.data === undefined) {
    return (
      <Banner
        title="Could not list the links."
        action={
          <Button size="sm" onClick={() => void links.refetch()}>
            Retry
          </Button>
        }
      >
        {errorMessage(links.error)}
      </Banner>
    );
  }

  const rows = links.data.pages.flatMap((page) => page.links);
  return (
    <>
      {rows.length === 0 ? (
        <EmptyState title="No links">
          Links made with “Share…” (through Stowage) and “Upload link…” are listed here. Direct
          links are the store’s own signed URLs: they are not kept.
        </EmptyState>
      ) : (
        <div className={clsx(tableStyles.card, styles.card)}>
          <table
            className={clsx(tableStyles.table, tableStyles.dense, styles.rows)}
            aria-label="Links"
          >
            <thead>
              <tr>
                <th scope="col">Kind</th>
                <th scope="col">Object or folder</th>
                <th scope="col">Created by</th>
                <th scope="col">Created</th>
                <th scope="col">Expires</th>
                <th scope="col">Protections</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((link) => {
                const what = link.key === '' ? '(bucket root)' : link.key;
                const guards = protections(link);
                return (
                  <tr key={link.id} className={clsx(link.expired && styles.expired)}>
                    <td>{link.kind === 'upload' ? 'Upload' : 'Download'}</td>
                    <td className={tableStyles.key}>
                      <VisibleKey text={what} />
                      {link.downloadName ? (
                        <span className={styles.note}>
                          saved as <VisibleKey text={link.downloadName} />
                        </span>
                      ) : null}
                    </td>
                    <td>{link.createdBy}</td>
                    <td className={tableStyles.date}>{formatDateTime(link.createdAt)}</td>
                    <td className={tableStyles.date}>
                      {formatDateTime(link.expiresAt)}
                      {link.expired ? <span className={styles.note}>Expired</span> : null}
                    </td>
                    <td>{guards.length > 0 ? guards.join(' · ') : '—'}</td>
                    <td className={clsx(tableStyles.actions, styles.buttons)}>
                      <CopyButton text={link.url} label={`Copy the link to ${what}`} />
                      {readOnly ? null : (
                        <Button
                          size="sm"
                          variant="ghost"
                          aria-label={`Revoke the link to ${what}`}
                          onClick={() => {
                            setRevoking(link);
                          }}
                        >
                          Revoke
                        </Button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className={tableStyles.footer}>
            {formatCount(rows.length)} {rows.length === 1 ? 'link' : 'links'}
            {links.hasNextPage ? ' so far' : ''}
          </p>
        </div>
      )}
      {links.hasNextPage ? (
        <Button onClick={() => void links.fetchNextPage()} disabled={links.isFetchingNextPage}>
          {links.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </Button>
      ) : null}
      {links.error ? (
        <Banner title="Could not load the links.">{errorMessage(links.error)}</Banner>
      ) : null}
      {revoking ? (
        <RevokeLinkDialog
          bucket={bucket}
          link={revoking}
          onClose={() => {
            setRevoking(null);
          }}
        />
      ) : null}
    </>
  );
}
