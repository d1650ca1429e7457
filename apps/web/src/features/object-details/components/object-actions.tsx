import { lazy, Suspense } from 'react';
import { downloadFilename, type ObjectDetails } from '@stowage/shared';
import { Button, ButtonLink } from '@/components/ui/button';
import { objectContentUrl } from '../api/object-content-url';
import styles from './details-panel.module.css';

const EditTextButton = lazy(() =>
  import('./text-editor').then((m) => ({ default: m.EditTextButton })),
);

/** The forms the panel opens in place of its fields. */
export type EditMode = 'metadata' | 'tags' | 'text';

type ObjectActionsProps = {
  bucket: string;
  objectKey: string;
  details: ObjectDetails;
  /** A read-only session: no edit buttons. */
  readOnly: boolean;
  /** Why tags cannot be edited here (the store has none), or null. */
  noTags: string | null;
  /** The object's tags have loaded (the tags form starts from them). */
  tagsLoaded: boolean;
  onEdit: (mode: EditMode) => void;
  onShare?: ((key: string) => void) | undefined;
  onDelete?: ((key: string) => void) | undefined;
};

/** The panel's buttons for the open object: download, share, the edit forms, delete. */
export function ObjectActions(props: ObjectActionsProps) {
  const { bucket, objectKey, details, readOnly, noTags, tagsLoaded, onEdit } = props;
  const { onShare, onDelete } = props;
  const filename = downloadFilename(objectKey);
  return (
    <div role="group" aria-label="Object actions" className={styles.actions}>
      <ButtonLink
        variant="primary"
        size="sm"
        href={objectContentUrl(bucket, objectKey, { download: true })}
        download={filename}
      >
        Download
      </ButtonLink>
      {onShare && !objectKey.endsWith('/') ? (
        <Button
          size="sm"
          onClick={() => {
            onShare(objectKey);
          }}
        >
          Share…
        </Button>
      ) : null}
      {readOnly ? null : (
        <>
          <Button
            size="sm"
            data-edit="metadata"
            onClick={() => {
              onEdit('metadata');
            }}
          >
            Edit metadata
          </Button>
          <Suspense fallback={null}>
            <EditTextButton
              details={details}
              onEdit={() => {
                onEdit('text');
              }}
            />
          </Suspense>
          <Button
            size="sm"
            data-edit="tags"
            disabled={noTags !== null || !tagsLoaded}
            title={noTags ?? undefined}
            onClick={() => {
              onEdit('tags');
            }}
          >
            Edit tags
          </Button>
        </>
      )}
      {onDelete ? (
        <Button
          size="sm"
          variant="danger"
          className={styles.delete}
          onClick={() => {
            onDelete(objectKey);
          }}
        >
          Delete
        </Button>
      ) : null}
    </div>
  );
}
