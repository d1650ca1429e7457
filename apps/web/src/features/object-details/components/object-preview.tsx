import { useState } from 'react';
import type { ObjectDetails } from '@stowage/shared';
import { Banner } from '@/components/ui/banner';
import { Spinner } from '@/components/ui/spinner';
import { errorMessage } from '@/lib/api-client';
import { formatBytes } from '@/utils/format';
import { PREVIEW_BYTES, useObjectPreview } from '../api/get-object-preview';
import { objectContentUrl } from '../api/object-content-url';
import { previewKind } from '../utils/preview-kind';
import styles from './object-preview.module.css';

/** Beyond this an <img> preview would download too much just to look. */
const MAX_IMAGE_PREVIEW_BYTES = 25 * 1024 * 1024;

/** `versionId`: preview that version (details are that version's). */
type ObjectPreviewProps = { bucket: string; details: ObjectDetails; versionId?: string };

/** Loaded lazily (React.lazy) so the preview code stays out of the initial bundle. */
export function ObjectPreview({ bucket, details, versionId }: ObjectPreviewProps) {
  const kind = previewKind(details.contentType, details.key);
  const encoded = details.contentEncoding !== null && details.contentEncoding !== 'identity';

  if (kind === 'image') {
    if (details.size > MAX_IMAGE_PREVIEW_BYTES) {
      return (
        <p className="muted">
          Too large to preview ({formatBytes(details.size)}). Download it instead.
        </p>
      );
    }
    const src = objectContentUrl(bucket, details.key, { versionId });
    return <ImagePreview key={src} src={src} />;
  }
  if ((kind === 'text' || kind === 'json') && !encoded) {
    return (
      <TextPreview
        bucket={bucket}
        details={details}
        json={kind === 'json'}
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
  json: boolean;
  versionId?: string;
};

function TextPreview({ bucket, details, json, versionId }: TextPreviewProps) {
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

  // A truncated document cannot parse, so it is shown raw; invalid JSON likewise.
  const pretty = json && !data.truncated ? prettyJson(data.text) : null;
  return (
    <>
      {data.truncated ? (
        <p className={styles.note}>
          Showing the first {formatBytes(PREVIEW_BYTES)} of {formatBytes(details.size)}.
        </p>
      ) : null}
      {json && !data.truncated && pretty === null ? (
        <p className={styles.note}>Not valid JSON: shown as stored.</p>
      ) : null}
      <pre className={styles.text} tabIndex={0} aria-label="Preview text">
        {pretty ?? data.text}
      </pre>
    </>
  );
}
