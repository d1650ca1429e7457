import { lazy, Suspense, useState, type ReactNode } from 'react';
import type { ObjectDetails } from '@stowage/shared';
import { Banner } from '@/components/ui/banner';
import { Spinner } from '@/components/ui/spinner';
import { errorMessage } from '@/lib/api-client';
import { formatBytes } from '@/utils/format';
import { PREVIEW_BYTES, useObjectPreview } from '../api/get-object-preview';
import { objectContentUrl } from '../api/object-content-url';
import { previewKind, type PreviewKind } from '../utils/preview-kind';
import styles from './object-preview.module.css';

/** Beyond this an <img> (or the PDF viewer) would download too much just to look. */
const MAX_IMAGE_PREVIEW_BYTES = 25 * 1024 * 1024;
const MAX_PDF_PREVIEW_BYTES = 25 * 1024 * 1024;

// Each richer kind is its own chunk, loaded when an object of that kind is opened.
const MediaPreview = lazy(() =>
  import('./media-preview').then((m) => ({ default: m.MediaPreview })),
);
const PdfPreview = lazy(() => import('./pdf-preview').then((m) => ({ default: m.PdfPreview })));
const CsvPreview = lazy(() => import('./csv-preview').then((m) => ({ default: m.CsvPreview })));
const MarkdownPreview = lazy(() =>
  import('./markdown-preview').then((m) => ({ default: m.MarkdownPreview })),
);
const CodePreview = lazy(() => import('./code-preview').then((m) => ({ default: m.CodePreview })));

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Spinner label="Loading preview…" inline />}>{children}</Suspense>;
}

type TextKind = Extract<PreviewKind, 'text' | 'json' | 'csv' | 'tsv' | 'markdown' | 'code'>;
const TEXT_KINDS = new Set<PreviewKind>(['text', 'json', 'csv', 'tsv', 'markdown', 'code']);
const isTextKind = (kind: PreviewKind): kind is TextKind => TEXT_KINDS.has(kind);

function tooLarge(size: number) {
  return <p className="muted">Too large to preview ({formatBytes(size)}). Download it instead.</p>;
}

/** `versionId`: preview that version (details are that version's). */
type ObjectPreviewProps = { bucket: string; details: ObjectDetails; versionId?: string };

/** Loaded lazily (React.lazy) so the preview code stays out of the initial bundle. */
export function ObjectPreview({ bucket, details, versionId }: ObjectPreviewProps) {
  const kind = previewKind(details.contentType, details.key);
  const encoded = details.contentEncoding !== null && details.contentEncoding !== 'identity';

  if (kind === 'image') {
    if (details.size > MAX_IMAGE_PREVIEW_BYTES) return tooLarge(details.size);
    const src = objectContentUrl(bucket, details.key, { versionId });
    return <ImagePreview key={src} src={src} />;
  }
  if ((kind === 'video' || kind === 'audio') && !encoded) {
    // No size limit: the element fetches by Range only what it plays.
    const src = objectContentUrl(bucket, details.key, { versionId });
    return (
      <Lazy>
        <MediaPreview key={src} kind={kind} src={src} />
      </Lazy>
    );
  }
  if (kind === 'pdf' && !encoded) {
    if (details.size > MAX_PDF_PREVIEW_BYTES) return tooLarge(details.size);
    const src = objectContentUrl(bucket, details.key, { versionId });
    const name = details.key.slice(details.key.lastIndexOf('/') + 1);
    return (
      <Lazy>
        <PdfPreview key={src} src={src} name={name} />
      </Lazy>
    );
  }
  if (isTextKind(kind) && !encoded) {
    return (
      <TextPreview
        bucket={bucket}
        details={details}
        kind={kind}
        {...(versionId === undefined ? {} : { versionId })}
      />
    );
  }
  return <p className="muted">No preview for this type.</p>;
}

function ImagePreview({ src }: { src: string }) {
  const [failed, setFailed] = useState(false);
  if (failed) return <p className="muted">This image could not be displayed.</p>;
  return (
    <div className={styles.image}>
      <img
        src={src}
        alt="Preview of the object"
        onError={() => {
          setFailed(true);
        }}
      />
    </div>
  );
}

function prettyJson(text: string): string | null {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return null;
  }
}

type TextPreviewProps = {
  bucket: string;
  details: ObjectDetails;
  kind: TextKind;
  versionId?: string;
};

function TextPreview({ bucket, details, kind, versionId }: TextPreviewProps) {
  const { data, error, isPending } = useObjectPreview(
    bucket,
    details.key,
    details.size,
    details.etag,
    versionId,
  );

  if (isPending) return <Spinner label="Loading preview…" inline />;
  if (error) return <Banner title="Could not load the preview.">{errorMessage(error)}</Banner>;
  if (data.binary) return <p className="muted">No preview: the content looks binary.</p>;
  if (data.text === '') return <p className="muted">This object is empty.</p>;

  if (kind === 'csv' || kind === 'tsv') {
    return (
      <Lazy>
        <CsvPreview
          text={data.text}
          tsv={kind === 'tsv'}
          truncated={data.truncated}
          size={details.size}
        />
      </Lazy>
    );
  }
  const truncatedNote = data.truncated ? (
    <p className={styles.note}>
      Showing the first {formatBytes(PREVIEW_BYTES)} of {formatBytes(details.size)}.
    </p>
  ) : null;
  if (kind === 'markdown' || kind === 'code') {
    return (
      <>
        {truncatedNote}
        <Lazy>
          {kind === 'markdown' ? (
            <MarkdownPreview text={data.text} />
          ) : (
            <CodePreview text={data.text} name={details.key} />
          )}
        </Lazy>
      </>
    );
  }

  const json = kind === 'json';
  // A truncated document cannot parse, so it is shown raw; invalid JSON likewise.
  const pretty = json && !data.truncated ? prettyJson(data.text) : null;
  return (
    <>
      {truncatedNote}
      {json && !data.truncated && pretty === null ? (
        <p className={styles.note}>Not valid JSON: shown as stored.</p>
      ) : null}
      <pre className={styles.text} tabIndex={0} aria-label="Preview text">
        {pretty ?? data.text}
      </pre>
    </>
  );
}
