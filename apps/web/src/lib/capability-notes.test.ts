import { describe, expect, it } from 'vitest';
import type { BucketCapabilities } from '@stowage/shared';
import {
  ABORT_UNSUPPORTED,
  abortNote,
  metadataEditNote,
  PART_COPY_UNSUPPORTED,
  TAGS_UNSUPPORTED,
  tagsNote,
  versioningText,
} from './capability-notes';

const GiB = 1024 ** 3;
const ceph: BucketCapabilities = {
  tagging: 'supported',
  versioning: 'Off',
  abortMultipartUpload: 'supported',
  uploadPartCopy: 'supported',
  presignedUrls: 'supported',
  lifecycle: 'supported',
  cors: 'supported',
  policy: 'supported',
  bucketTagging: 'supported',
  encryption: 'unsupported',
  objectLock: 'supported',
};
// What the embedded s3rver answers (apps/api/test/integration/capabilities.test.ts).
const s3rver: BucketCapabilities = {
  ...ceph,
  versioning: 'unsupported',
  abortMultipartUpload: 'unsupported',
  uploadPartCopy: 'unsupported',
};
const unknown: BucketCapabilities = {
  tagging: 'unknown',
  versioning: 'unknown',
  abortMultipartUpload: 'unknown',
  uploadPartCopy: 'unknown',
  presignedUrls: 'unknown',
  lifecycle: 'unknown',
  cors: 'unknown',
  policy: 'unknown',
  bucketTagging: 'unknown',
  encryption: 'unknown',
  objectLock: 'unknown',
};

describe('capability notes', () => {
  it('explain only what the store was found not to support', () => {
    for (const caps of [ceph, unknown, undefined]) {
      expect(tagsNote(caps)).toBeNull();
      expect(abortNote(caps)).toBeNull();
      expect(metadataEditNote(caps, 6 * GiB)).toBeNull();
    }
    expect(tagsNote({ ...ceph, tagging: 'unsupported' })).toBe(TAGS_UNSUPPORTED);
    expect(abortNote(s3rver)).toBe(ABORT_UNSUPPORTED);
  });

  it.each([
    [5 * GiB, null],
    [5 * GiB + 1, PART_COPY_UNSUPPORTED],
    [0, null],
  ])('a metadata edit of %d bytes without UploadPartCopy: %s', (size, note) => {
    expect(metadataEditNote(s3rver, size)).toBe(note);
  });

  it.each<[BucketCapabilities['versioning'], string]>([
    ['Enabled', 'Versioning: on'],
    ['Suspended', 'Versioning: suspended'],
    ['Off', 'Versioning: off'],
    ['unsupported', 'Versioning: not supported by this store'],
    ['unknown', 'Versioning: unknown'],
  ])('versioning %s reads "%s"', (versioning, text) => {
    expect(versioningText({ ...ceph, versioning })).toBe(text);
  });
});
