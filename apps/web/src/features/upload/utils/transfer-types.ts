import type { Metadata } from '@stowage/shared';

export type TransferStatus = 'queued' | 'uploading' | 'paused' | 'done' | 'failed' | 'cancelled';

export type Transfer = {
  readonly id: number;
  readonly bucket: string;
  readonly key: string;
  readonly file: File;
  readonly contentType: string;
  readonly metadata: Metadata | undefined;
  readonly status: TransferStatus;
  /** File bytes sent so far. */
  readonly loaded: number;
  /** Bytes per second over the last few seconds, while uploading. */
  readonly speed: number;
  readonly error: string | null;
  /** How it travels, when not one request (multipart: transport, parts resumed). */
  readonly note: string | null;
};

/** A multipart upload left unfinished by an earlier page (kept in IndexedDB). */
export type InterruptedUpload = {
  readonly uploadId: string;
  readonly bucket: string;
  readonly key: string;
  readonly fileName: string;
  readonly size: number;
  readonly lastModified: number;
  readonly doneBytes: number;
};

export type NewTransfer = Pick<Transfer, 'bucket' | 'key' | 'file' | 'contentType' | 'metadata'>;

export type TransferSnapshot = {
  readonly transfers: readonly Transfer[];
  readonly counts: Readonly<Record<TransferStatus, number>>;
  /** Files left out of a batch because they existed already ("skip"). */
  readonly skipped: number;
  readonly concurrency: number;
  readonly speed: number;
  readonly totalBytes: number;
  readonly loadedBytes: number;
  readonly interrupted: readonly InterruptedUpload[];
};

type UploadFn = (
  transfer: Transfer,
  onProgress: (loaded: number) => void,
  signal: AbortSignal,
  setNote: (note: string) => void,
) => Promise<unknown>;

/** What the queue is told: how to upload one transfer, and what to do around it. */
export type TransferQueueOptions = {
  upload: UploadFn;
  onUploaded?: (transfer: Transfer) => void;
  concurrency: number;
  /** How a failure is shown; aborts never get here. */
  describeError?: (error: unknown) => string;
  /** Whether a transfer can pause (keeps what it sent) rather than only cancel. */
  canPause?: (transfer: Transfer) => boolean;
  /**
   * After a pausable transfer was cancelled: forget what it sent (abort on the store); what
   * became of that is said with `setNote`.
   */
  onCancelled?: (transfer: Transfer, setNote: (note: string) => void) => void;
};
