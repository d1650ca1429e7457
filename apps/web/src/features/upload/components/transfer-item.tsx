import { memo, type Ref } from 'react';
import { Button } from '@/components/ui/button';
import { formatBytes } from '@/utils/format';
import { VisibleKey } from '@/components/ui/visible-key';
import { visibleKey } from '@/utils/visible-key';
import type { Transfer } from '../utils/transfer-types';
import styles from './transfer-item.module.css';

type TransferItemProps = {
  transfer: Transfer;
  onCancel: (id: number) => void;
  onRetry: (id: number) => void;
  /** Multipart transfers pause (keeping their sent parts) and resume. */
  onPause: (id: number) => void;
  onResume: (id: number) => void;
  pausable: boolean;
  /** Its place in the whole list, which is rendered only in part (virtualized). */
  index: number;
  count: number;
  /** Where the virtualizer places the row (px from the list's top), and how it measures it. */
  start: number;
  ref: Ref<HTMLLIElement>;
};

const STATUS_TEXT = {
  queued: 'Waiting',
  uploading: 'Uploading',
  paused: 'Paused',
  done: 'Uploaded',
  failed: 'Failed',
  cancelled: 'Cancelled',
} as const;

function percentOf(transfer: Transfer): number {
  if (transfer.status === 'done') return 100;
  const { size } = transfer.file;
  return size === 0 ? 0 : Math.floor((transfer.loaded / size) * 100);
}

/** One file of the transfer panel: progress, speed, and its cancel or retry button. */
export const TransferItem = memo(function TransferItem({
  transfer,
  onCancel,
  onRetry,
  onPause,
  onResume,
  pausable,
  index,
  count,
  start,
  ref,
}: TransferItemProps) {
  const { key, file, status } = transfer;
  const slash = key.lastIndexOf('/');
  const name = key.slice(slash + 1);
  const folder = key.slice(0, slash + 1);
  const percent = percentOf(transfer);
  const loaded = status === 'done' ? file.size : transfer.loaded;
  const bytes = `${formatBytes(loaded)} of ${formatBytes(file.size)}`;
  // The accessible name carries the picked file's own name too, when "keep both" renamed it.
  const label =
    file.name && !key.endsWith(`/${file.name}`) && key !== file.name
      ? `${visibleKey(key)} (${visibleKey(file.name)})`
      : visibleKey(key);

  return (
    <li
      ref={ref}
      className={styles.item}
      data-status={status}
      data-index={index}
      aria-label={label}
      aria-posinset={index + 1}
      aria-setsize={count}
      style={{ transform: `translateY(${String(start)}px)` }}
    >
      <div className={styles.head}>
        <span className={styles.name} title={visibleKey(key)}>
          <VisibleKey text={name} />
          {folder ? (
            <span className={styles.folder}>
              {' in '}
              <VisibleKey text={folder} />
            </span>
          ) : null}
        </span>
        {pausable && (status === 'queued' || status === 'uploading') ? (
          <Button
            size="sm"
            variant="ghost"
            onClick={() => {
              onPause(transfer.id);
            }}
          >
            Pause
          </Button>
        ) : null}
        {status === 'paused' ? (
          <Button
            size="sm"
            onClick={() => {
              onResume(transfer.id);
            }}
          >
            Resume
          </Button>
        ) : null}
        {status === 'queued' || status === 'uploading' || status === 'paused' ? (
          <Button
            size="sm"
            variant="ghost"
            onClick={() => {
              onCancel(transfer.id);
            }}
          >
            Cancel
          </Button>
        ) : null}
        {status === 'failed' || status === 'cancelled' ? (
          <Button
            size="sm"
            onClick={() => {
              onRetry(transfer.id);
            }}
          >
            Retry
          </Button>
        ) : null}
      </div>
      <div
        className={styles.progress}
        role="progressbar"
        aria-label={`Progress of ${name}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${String(percent)}%, ${bytes}`}
      >
        <div className={styles.bar} style={{ width: `${String(percent)}%` }} />
      </div>
      <p className={styles.meta}>
        <span className={styles.status}>{STATUS_TEXT[status]}</span>
        <span>
          {bytes} · {percent}%
        </span>
        {status === 'uploading' && transfer.speed > 0 ? (
          <span>{formatBytes(transfer.speed)}/s</span>
        ) : null}
      </p>
      {transfer.note ? <p className={styles.meta}>{transfer.note}</p> : null}
      {transfer.error ? <p className={styles.error}>{transfer.error}</p> : null}
    </li>
  );
});
