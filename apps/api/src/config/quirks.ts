/**
 * What a store does differently from S3, as data. The store seam reads these fields; nothing
 * there asks which store it talks to. Each connection gets them from its kind (below) and a
 * profile may override any of them ("quirks": {...} in the profiles file).
 */
export interface StoreQuirks {
  /**
   * The store maps keys to file paths (s3rver): keys with a `.` or `..` segment, `//`, a
   * leading `/` or a segment over 255 bytes are refused before they reach it.
   */
  fileSystemKeys: boolean;
  /** The store answers `bytes=-N` with the first N bytes (s3rver): sent as an absolute range. */
  absoluteSuffixRanges: boolean;
  /**
   * How the key of a CopySource is escaped: `component` (every character but `/`, as S3
   * reads it) or `uri` (encodeURI: s3rver reads it with decodeURI, so `%23 %3F`… would stay).
   */
  copySourceEscaping: 'component' | 'uri';
  /**
   * The store reads a copy's condition under its older name `x-amz-copy-if-match` only (Ceph
   * RGW 16: a stale ETag copied anyway): both names are sent.
   */
  legacyCopyIfMatch: boolean;
  /** UploadPartCopy: objects over 5 GiB are rewritten in parts (s3rver has none: 501). */
  partCopy: boolean;
  /**
   * A CopyObject with TaggingDirective COPY gives the copy its source's tags (S3, Ceph RGW 16).
   * s3rver keeps tags beside the object and copies only the object: the tags are then read and
   * re-applied, one more request or three per copied object.
   */
  copyKeepsTags: boolean;
  /** Calls in flight at once; more wait before they are sent. Undefined: no limit. */
  maxConcurrentRequests: number | undefined;
}

/**
 * The embedded s3rver is one process (its listings read a key index since issue 24, but before
 * that every page walked the whole bucket): 100 listings at once made it answer 504 to most;
 * queued 4 at a time (one process gains nothing from more), each is answered.
 */
export const EMBEDDED_MAX_CONCURRENCY = 4;

/** The embedded s3rver (docs/stores/s3rver.md). */
export const S3RVER_QUIRKS: StoreQuirks = {
  fileSystemKeys: true,
  absoluteSuffixRanges: true,
  copySourceEscaping: 'uri',
  legacyCopyIfMatch: false,
  partCopy: false,
  copyKeepsTags: false,
  maxConcurrentRequests: EMBEDDED_MAX_CONCURRENCY,
};

/**
 * AWS S3 behaves as documented. Every other endpoint is sent both copy-condition names: a
 * store that knows only one reads that one, and the header is harmless to the others
 * (docs/stores/ceph-rgw.md).
 */
export function defaultQuirks(kind: 'embedded' | 'aws' | 'other'): StoreQuirks {
  if (kind === 'embedded') return S3RVER_QUIRKS;
  return {
    fileSystemKeys: false,
    absoluteSuffixRanges: false,
    copySourceEscaping: 'component',
    legacyCopyIfMatch: kind === 'other',
    partCopy: true,
    copyKeepsTags: true,
    maxConcurrentRequests: undefined,
  };
}
