import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { decodeMetadataValue, downloadFilename, type BucketCapabilities } from '@stowage/shared';
import { Banner, BannerHint } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { CloseIcon } from '@/components/ui/icons';
import { Spinner } from '@/components/ui/spinner';
import { Tabs } from '@/components/ui/tabs';
import { errorMessage, hasCode } from '@/lib/api-client';
import { tagsNote } from '@/lib/capability-notes';
import { VisibleKey } from '@/components/ui/visible-key';
import { visibleKey } from '@/utils/visible-key';
import { useObjectDetails } from '../api/get-object-details';
import { useObjectTags } from '../api/get-object-tags';
import { DetailsFields } from './details-fields';
import { ObjectActions, type EditMode } from './object-actions';
import { VersionPreview } from './version-preview';
import { NameValueTable } from './name-value-table';
import panelStyles from '@/components/ui/panel.module.css';
import styles from './details-panel.module.css';

const ObjectPreview = lazy(() =>
  import('./object-preview').then((m) => ({ default: m.ObjectPreview })),
);
const MetadataForm = lazy(() =>
  import('./metadata-form').then((m) => ({ default: m.MetadataForm })),
);
const TagsForm = lazy(() => import('./tags-form').then((m) => ({ default: m.TagsForm })));
const TextEditor = lazy(() => import('./text-editor').then((m) => ({ default: m.TextEditor })));

type Tab = 'details' | 'versions';

const TABS: readonly { id: Tab; label: string }[] = [
  { id: 'details', label: 'Details' },
  { id: 'versions', label: 'Versions' },
];

/** What the panel gives the Versions tab (a feature of its own, composed in by the page). */
export type VersionsTabProps = {
  objectKey: string;
  /** The version the tab's preview shows, or null. */
  previewVersionId: string | null;
  /** Show this version in the preview (null: none). */
  onPreview: (versionId: string | null) => void;
};

type DetailsPanelProps = {
  bucket: string;
  objectKey: string;
  /** What the store can do in this bucket (undefined until known: everything is offered). */
  capabilities?: BucketCapabilities | undefined;
  onClose: () => void;
  /** Delete this object (the caller confirms first). */
  onDelete?: (key: string) => void;
  /** Make a download link to this object (the page opens the dialog); absent: no "Share…". */
  onShare?: (key: string) => void;
  /** A read-only session: no edit buttons. */
  readOnly?: boolean;
  /** The Versions tab's content; absent (a bucket that keeps no versions): no tabs. */
  versions?: ((props: VersionsTabProps) => ReactNode) | undefined;
};

/** The right-hand panel for the selected object: properties, download, preview, metadata, tags. */
export function DetailsPanel(props: DetailsPanelProps) {
  const { bucket, objectKey, capabilities, onClose, onDelete, onShare, readOnly = false } = props;
  const { versions } = props;
  const { data: details, error, isPending } = useObjectDetails(bucket, objectKey);
  // The tab and the previewed version belong to one object: selecting another starts over.
  const [view, setView] = useState<{ key: string; tab: Tab; preview: string | null } | null>(null);
  // A key whose current version is a delete marker has no details: its versions are what is left.
  const deleted = versions !== undefined && hasCode(error, 'NoSuchKey');
  const own = view?.key === objectKey ? view : null;
  const tab: Tab =
    versions === undefined ? 'details' : (own?.tab ?? (deleted ? 'versions' : 'details'));
  const previewVersionId = own?.preview ?? null;
  const noTags = tagsNote(capabilities);
  // A store without tagging is not asked (the note says why there are none).
  const tags = useObjectTags(bucket, objectKey, { enabled: noTags === null });
  const filename = downloadFilename(objectKey);
  // Which object the open form belongs to: selecting another one leaves the form.
  const [editing, setEditing] = useState<{ key: string; mode: EditMode } | null>(null);
  const mode = editing?.key === objectKey ? editing.mode : null;
  // Closing a form (Save, Cancel) gives the focus back to the button that opened it.
  const focusBack = useRef<EditMode | null>(null);
  const stopEditing = () => {
    focusBack.current = mode;
    setEditing(null);
  };
  useEffect(() => {
    const back = focusBack.current;
    focusBack.current = null;
    if (mode === null && back)
      document.querySelector<HTMLElement>(`[data-edit="${back}"]`)?.focus();
  }, [mode]);

  const detailsTab = (
    <>
      {isPending ? <Spinner label="Loading details…" /> : null}
      {deleted ? (
        <p className={styles.note}>
          No current version: this object was deleted (its current version is a delete marker), or
          never existed. The Versions tab lists what the store keeps of it.
        </p>
      ) : error ? (
        <Banner title="Could not load this object.">
          {errorMessage(error)}
          {hasCode(error, 'NoSuchKey') && !objectKey.endsWith('/') ? (
            <BannerHint>If you meant a folder, end the path with “/”.</BannerHint>
          ) : null}
        </Banner>
      ) : null}
      {details && mode !== null && !readOnly && (mode !== 'tags' || tags.data) ? (
        <Suspense fallback={<Spinner label="Loading the form…" />}>
          {mode === 'text' ? (
            <TextEditor bucket={bucket} details={details} onDone={stopEditing} />
          ) : mode === 'metadata' ? (
            <MetadataForm
              bucket={bucket}
              details={details}
              capabilities={capabilities}
              onDone={stopEditing}
            />
          ) : (
            <TagsForm
              bucket={bucket}
              objectKey={objectKey}
              tags={tags.data?.tags ?? []}
              onDone={stopEditing}
            />
          )}
        </Suspense>
      ) : null}
      {details && (mode === null || readOnly) ? (
        <>
          <ObjectActions
            bucket={bucket}
            objectKey={objectKey}
            details={details}
            readOnly={readOnly}
            noTags={noTags}
            tagsLoaded={tags.data !== undefined}
            onEdit={(editMode) => {
              setEditing({ key: objectKey, mode: editMode });
            }}
            onShare={onShare}
            onDelete={onDelete}
          />
          <DetailsFields details={details} />
          <section aria-label="Preview" className={styles.section}>
            <h3>Preview</h3>
            <Suspense fallback={<Spinner label="Loading preview…" inline />}>
              <ObjectPreview bucket={bucket} details={details} />
            </Suspense>
          </section>
          <section className={styles.section} aria-labelledby="details-metadata">
            <h3 id="details-metadata">User metadata</h3>
            <NameValueTable
              label="User metadata"
              nameHeader="Name"
              rows={Object.entries(details.metadata).map(
                ([name, value]) => [name, decodeMetadataValue(value)] as const,
              )}
              emptyText="No user metadata."
            />
          </section>
          <section className={styles.section} aria-labelledby="details-tags">
            <h3 id="details-tags">Tags</h3>
            {tags.isLoading ? <Spinner label="Loading tags…" inline /> : null}
            {tags.error ? (
              <Banner
                title="Could not load the tags."
                action={
                  <Button size="sm" onClick={() => void tags.refetch()} disabled={tags.isFetching}>
                    Retry
                  </Button>
                }
              >
                {errorMessage(tags.error)}
              </Banner>
            ) : null}
            {tags.data || noTags ? (
              <NameValueTable
                label="Tags"
                nameHeader="Key"
                rows={(tags.data?.tags ?? []).map((tag) => [tag.key, tag.value] as const)}
                emptyText="No tags."
              />
            ) : null}
            {noTags ? <p className={styles.note}>{noTags}</p> : null}
          </section>
        </>
      ) : null}
    </>
  );

  return (
    <aside aria-label="Object details" className={panelStyles.panel}>
      <header className={styles.header}>
        <h2 className={styles.title} title={visibleKey(objectKey)}>
          <VisibleKey text={filename} />
        </h2>
        <Button
          variant="ghost"
          size="sm"
          onClick={onClose}
          aria-label="Close details"
          aria-keyshortcuts="Escape"
        >
          <CloseIcon />
        </Button>
      </header>
      <div className={styles.body}>
        {versions === undefined ? (
          detailsTab
        ) : (
          <Tabs
            label="Object"
            tabs={TABS}
            selected={tab}
            onSelect={(id) => {
              setView({ key: objectKey, tab: id, preview: previewVersionId });
            }}
            panelClassName={styles.tabPanel}
          >
            {tab === 'details' ? (
              detailsTab
            ) : (
              <>
                {versions({
                  objectKey,
                  previewVersionId,
                  onPreview: (versionId) => {
                    setView({ key: objectKey, tab: 'versions', preview: versionId });
                  },
                })}
                {previewVersionId === null ? null : (
                  <VersionPreview
                    bucket={bucket}
                    objectKey={objectKey}
                    versionId={previewVersionId}
                  />
                )}
              </>
            )}
          </Tabs>
        )}
      </div>
    </aside>
  );
}
