import { MAX_SINGLE_COPY_BYTES, type BucketCapabilities } from '@stowage/shared';

/**
 * What the UI says where the store lacks something (GET /api/buckets/:bucket/capabilities).
 * Only a probed "unsupported" hides or explains; "unknown" or not loaded yet changes nothing,
 * and the store's own error still shows if the action then fails.
 */
type Caps = BucketCapabilities | undefined;

export const TAGS_UNSUPPORTED = 'This store does not support object tags.';

export const ABORT_UNSUPPORTED =
  'This store cannot abort multipart uploads: a cancelled or failed upload stores no object, ' +
  'but parts it already sent may stay on the store, using space.';

export const PART_COPY_UNSUPPORTED =
  'This object is larger than 5 GiB: changing its metadata copies it in parts ' +
  '(UploadPartCopy), which this store does not support.';

/** Why the tag editor is not offered, or null. */
export function tagsNote(caps: Caps): string | null {
  return caps?.tagging === 'unsupported' ? TAGS_UNSUPPORTED : null;
}

/** What cancelling an upload leaves behind, or null. */
export function abortNote(caps: Caps): string | null {
  return caps?.abortMultipartUpload === 'unsupported' ? ABORT_UNSUPPORTED : null;
}

/** Why this object's metadata cannot be edited, or null. */
export function metadataEditNote(caps: Caps, size: number): string | null {
  return size > MAX_SINGLE_COPY_BYTES && caps?.uploadPartCopy === 'unsupported'
    ? PART_COPY_UNSUPPORTED
    : null;
}

const VERSIONING_TEXT: Record<BucketCapabilities['versioning'], string> = {
  Enabled: 'on',
  Suspended: 'suspended',
  Off: 'off',
  unsupported: 'not supported by this store',
  unknown: 'unknown',
};

/** "Versioning: off", "Versioning: not supported by this store"… */
export function versioningText(caps: BucketCapabilities): string {
  return `Versioning: ${VERSIONING_TEXT[caps.versioning]}`;
}
