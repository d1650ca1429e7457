import { lazy, Suspense } from 'react';
import { downloadFilename } from '@stowage/shared';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { CloseIcon } from '@/components/ui/icons';
import { Spinner } from '@/components/ui/spinner';
import { ApiRequestError, errorMessage } from '@/lib/api-client';
import { visibleKey } from '@/utils/visible-key';
import { useObjectDetails } from '../api/get-object-details';
import { objectContentUrl } from '../api/object-content-url';
import { DetailsFields } from './details-fields';
import { NameValueTable } from './name-value-table';

const ObjectPreview = lazy(() =>
  import('./object-preview').then((m) => ({ default: m.ObjectPreview })),
);

type DetailsPanelProps = { bucket: string; objectKey: string; onClose: () => void };

/** The right-hand panel for the selected object: properties, download, preview, metadata, tags. */
export function DetailsPanel({ bucket, objectKey, onClose }: DetailsPanelProps) {
  const { data: details, error, isPending } = useObjectDetails(bucket, objectKey);
  const filename = downloadFilename(objectKey);

  return (
    <aside aria-label="Object details" className="details">
      <header className="details__header">
        <h2 className="details__title" title={visibleKey(objectKey)}>
          {visibleKey(filename)}
        </h2>
        <Button variant="ghost" size="sm" onClick={onClose} aria-label="Close details">
          <CloseIcon />
        </Button>
      </header>
      <div className="details__body">
        {isPending ? <Spinner label="Loading details…" /> : null}
        {error ? (
          <Banner title="Could not load this object.">
            {errorMessage(error)}
            {error instanceof ApiRequestError &&
            error.status === 404 &&
            !objectKey.endsWith('/') ? (
              <span className="banner__hint">If you meant a folder, end the path with “/”.</span>
            ) : null}
          </Banner>
        ) : null}
        {details ? (
          <>
            <div className="details__actions">
              <a
                className="btn btn--primary btn--sm"
                href={objectContentUrl(bucket, objectKey, { download: true })}
                download={filename}
              >
                Download
              </a>
            </div>
            <DetailsFields details={details} />
            <section aria-label="Preview" className="details__section">
              <h3>Preview</h3>
              <Suspense fallback={<Spinner label="Loading preview…" inline />}>
                <ObjectPreview bucket={bucket} details={details} />
              </Suspense>
            </section>
            <section className="details__section" aria-labelledby="details-metadata">
              <h3 id="details-metadata">User metadata</h3>
              <NameValueTable
                label="User metadata"
                nameHeader="Name"
                rows={Object.entries(details.metadata)}
                emptyText="No user metadata."
              />
            </section>
            <section className="details__section" aria-labelledby="details-tags">
              <h3 id="details-tags">Tags</h3>
              <NameValueTable
                label="Tags"
                nameHeader="Key"
                rows={details.tags.map((tag) => [tag.key, tag.value] as const)}
                emptyText="No tags."
              />
            </section>
          </>
        ) : null}
      </div>
    </aside>
  );
}
