import { useState } from 'react';
import { keyBasename, type ObjectVersion } from '@stowage/shared';
import { Banner } from '@/components/ui/banner';
import { Button, ButtonLink } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { formatBytes, formatCount, formatDateTime, formatExactBytes } from '@/utils/format';
import { visibleKey } from '@/utils/visible-key';
import { useVersions } from '../api/get-versions';
import { versionDownloadUrl } from '../api/version-content-url';
import { shortVersionId } from '../utils/short-version-id';
import { versionErrorMessage } from '../utils/version-errors';
import { DeleteVersionDialog } from './delete-version-dialog';
import { RestoreVersionDialog } from './restore-version-dialog';
import styles from './object-versions.module.css';

type ObjectVersionsProps = {
  bucket: string;
  objectKey: string;
  /** A read-only session: preview and download only. */
  readOnly: boolean;
  previewVersionId: string | null;
  onPreview: (versionId: string | null) => void;
};

type Asking = { kind: 'restore' | 'delete'; version: ObjectVersion };

/**
 * The Versions tab: every version and delete marker of one key, newest first, a page at a
 * time. Per version: preview, download, restore, delete permanently; per marker: delete
 * permanently (the latest one: an undelete).
 */
export function ObjectVersions(props: ObjectVersionsProps) {
  const { bucket, objectKey, readOnly, previewVersionId, onPreview } = props;
  const query = useVersions(bucket, objectKey);
  const [asking, setAsking] = useState<Asking | null>(null);
  const [done, setDone] = useState<{ key: string; text: string } | null>(null);
  const versions = query.data?.pages.flatMap((page) => page.versions) ?? [];
  const name = visibleKey(keyBasename(objectKey)) || visibleKey(objectKey);
  const close = () => {
    setAsking(null);
  };

  if (query.isPending) return <Spinner label="Loading versions…" inline />;
  if (query.isError && query.data === undefined) {
    return (
      <Banner
        title="Could not list the versions."
        action={
          <Button size="sm" onClick={() => void query.refetch()} disabled={query.isFetching}>
            Retry
          </Button>
        }
      >
        {versionErrorMessage(query.error)}
      </Banner>
    );
  }

  return (
    <section aria-label="Versions" className={styles.versions}>
      <p role="status" className={styles.status}>
        {done?.key === objectKey ? `${done.text} ` : ''}
        {versions.length === 0
          ? 'The store keeps no version of this object.'
          : `${formatCount(versions.length)} ${versions.length === 1 ? 'version' : 'versions'}${query.hasNextPage ? ' loaded, more below' : ''}, newest first.`}
      </p>
      <ol aria-label="Versions" className={styles.list}>
        {versions.map((version) => (
          <VersionItem
            key={version.versionId}
            bucket={bucket}
            objectKey={objectKey}
            version={version}
            readOnly={readOnly}
            previewed={version.versionId === previewVersionId}
            onPreview={onPreview}
            onAsk={setAsking}
          />
        ))}
      </ol>
      {query.isFetchNextPageError ? (
        <Banner title="Could not load more versions.">{versionErrorMessage(query.error)}</Banner>
      ) : null}
      {query.hasNextPage ? (
        <Button
          size="sm"
          className={styles.more}
          onClick={() => void query.fetchNextPage()}
          disabled={query.isFetchingNextPage}
        >
          {query.isFetchingNextPage ? 'Loading more…' : 'Load more'}
        </Button>
      ) : null}
      {asking?.kind === 'restore' ? (
        <RestoreVersionDialog
          bucket={bucket}
          objectKey={objectKey}
          name={name}
          version={asking.version}
          onClose={close}
          onRestored={() => {
            setDone({
              key: objectKey,
              text: `Restored version ${shortVersionId(asking.version.versionId)}: its copy is the current version now.`,
            });
            close();
          }}
        />
      ) : null}
      {asking?.kind === 'delete' ? (
        <DeleteVersionDialog
          bucket={bucket}
          objectKey={objectKey}
          name={name}
          version={asking.version}
          onClose={close}
          onDeleted={(text) => {
            if (asking.version.versionId === previewVersionId) onPreview(null);
            setDone({ key: objectKey, text });
            close();
          }}
        />
      ) : null}
    </section>
  );
}

type VersionItemProps = {
  bucket: string;
  objectKey: string;
  version: ObjectVersion;
  readOnly: boolean;
  previewed: boolean;
  onPreview: (versionId: string | null) => void;
  onAsk: (asking: Asking) => void;
};

/** One version (or delete marker): its id, badges, size, date and ETag, and what can be done. */
function VersionItem(props: VersionItemProps) {
  const { bucket, objectKey, version, readOnly, previewed, onPreview, onAsk } = props;
  const short = shortVersionId(version.versionId);
  const marker = version.isDeleteMarker;
  return (
    <li
      aria-label={`${marker ? 'Delete marker' : 'Version'} ${short}`}
      className={styles.item}
      data-current={version.isLatest ? 'true' : undefined}
    >
      <div className={styles.head}>
        <code className={styles.id} title={`Version ID: ${version.versionId}`}>
          {short}
        </code>
        {version.isLatest ? <span className={styles.current}>Current</span> : null}
        {marker ? <span className={styles.marker}>Delete marker</span> : null}
      </div>
      <p className={styles.facts}>
        {marker ? null : (
          <span title={formatExactBytes(version.size)}>{formatBytes(version.size)}</span>
        )}
        {version.lastModified ? (
          <time dateTime={version.lastModified}>{formatDateTime(version.lastModified)}</time>
        ) : null}
        {marker || version.etag === null ? null : (
          <span className={styles.etag} title={`ETag ${version.etag}`}>
            ETag {version.etag}
          </span>
        )}
      </p>
      <div className={styles.actions}>
        {marker ? null : (
          <>
            <Button
              size="sm"
              aria-pressed={previewed}
              onClick={() => {
                onPreview(previewed ? null : version.versionId);
              }}
            >
              Preview
            </Button>
            <ButtonLink
              size="sm"
              href={versionDownloadUrl(bucket, objectKey, version.versionId)}
              download
            >
              Download
            </ButtonLink>
          </>
        )}
        {readOnly ? null : (
          <>
            {marker || version.isLatest ? null : (
              <Button
                size="sm"
                onClick={() => {
                  onAsk({ kind: 'restore', version });
                }}
              >
                Restore
              </Button>
            )}
            <Button
              size="sm"
              variant="danger"
              className={styles.delete}
              onClick={() => {
                onAsk({ kind: 'delete', version });
              }}
            >
              Delete permanently
            </Button>
          </>
        )}
      </div>
    </li>
  );
}
