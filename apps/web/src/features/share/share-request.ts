/** What the bucket page asks the share feature for: a download link, or an upload link. */
export type ShareRequest =
  | { kind: 'download'; bucket: string; key: string }
  | {
      kind: 'upload';
      bucket: string;
      /** The folder ("" = the bucket root, else ends in "/"). */ prefix: string;
    };
