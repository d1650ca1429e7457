import { lazy, Suspense } from 'react';
import { Banner } from '@/components/ui/banner';
import { Spinner } from '@/components/ui/spinner';
import { errorMessage } from '@/lib/api-client';
import { useObjectDetails } from '../api/get-object-details';
import styles from './details-panel.module.css';

const ObjectPreview = lazy(() =>
  import('./object-preview').then((m) => ({ default: m.ObjectPreview })),
);

/** The Versions tab's preview: one version's details, then its content as the Details tab shows it. */
export function VersionPreview(props: { bucket: string; objectKey: string; versionId: string }) {
  const { bucket, objectKey, versionId } = props;
  const { data: details, error, isPending } = useObjectDetails(bucket, objectKey, versionId);
  return (
    <section aria-label="Version preview" className={styles.section}>
      <h3>Preview of this version</h3>
      {isPending ? <Spinner label="Loading the version…" inline /> : null}
      {error ? <Banner title="Could not load this version.">{errorMessage(error)}</Banner> : null}
      {details ? (
        <Suspense fallback={<Spinner label="Loading preview…" inline />}>
          <ObjectPreview bucket={bucket} details={details} versionId={versionId} />
        </Suspense>
      ) : null}
    </section>
  );
}
