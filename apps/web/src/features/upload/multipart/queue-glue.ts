import { formatBytes } from '@/utils/format';
import type { TransferQueue } from '../utils/transfer-queue';
import type { InterruptedUpload, Transfer } from '../utils/transfer-types';
import { findResumable, listRecords, type TransportNote } from './resume-store';
import { discardUpload } from './multipart-support';
import { uploadMultipart } from './upload-multipart';

/** What the transfer queue runs for a big file (kept out of the first screen's code). */
export function uploadBig(
  queue: TransferQueue,
  transfer: Transfer,
  onProgress: (loaded: number) => void,
  signal: AbortSignal,
  setNote: (note: string) => void,
) {
  let resumed = '';
  return uploadMultipart({
    bucket: transfer.bucket,
    key: transfer.key,
    file: transfer.file,
    contentType: transfer.contentType,
    metadata: transfer.metadata,
    concurrency: queue.getSnapshot().concurrency,
    onProgress,
    signal,
    onStart: ({ uploadId, resumedBytes, transport }) => {
      // Chosen again: it is no longer interrupted.
      dropInterrupted(queue, uploadId);
      resumed = resumedBytes > 0 ? ` · resumed at ${formatBytes(resumedBytes)}` : '';
      setNote(`${transportNote(transport)}${resumed}`);
    },
    onTransportChange: (transport) => {
      setNote(`${transportNote(transport)}${resumed}`);
    },
  });
}

/** The row's words: "Multipart · direct to the store" or "Multipart · relay: <why>". */
export function transportNote(transport: TransportNote): string {
  return transport.mode === 'direct'
    ? 'Multipart · direct to the store'
    : `Multipart · relay: ${transport.message}`;
}

/** Cancel of a big transfer: abort its multipart upload on the store and forget it. */
export async function forgetTransfer(
  transfer: Transfer,
  setNote: (note: string) => void,
  describe: (error: unknown) => string,
): Promise<void> {
  const record = findResumable(await listRecords(), transfer.bucket, transfer.key, transfer.file);
  if (!record) return;
  try {
    await discardUpload(record);
  } catch (error) {
    // The store kept the parts (s3rver cannot abort; or it failed): say so, and keep the
    // record, so the upload is listed as interrupted — to resume, or to discard later.
    setNote(`The parts already sent stay on the store: ${describe(error)}`);
  }
}

function dropInterrupted(queue: TransferQueue, uploadId: string) {
  const { interrupted } = queue.getSnapshot();
  if (interrupted.some((u) => u.uploadId === uploadId)) {
    queue.setInterrupted(interrupted.filter((u) => u.uploadId !== uploadId));
  }
}

/** Discard in the panel: abort the upload on the store, forget it, drop it from the list. */
export async function discardInterrupted(queue: TransferQueue, upload: InterruptedUpload) {
  await discardUpload(upload);
  dropInterrupted(queue, upload.uploadId);
}
