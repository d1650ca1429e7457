import { useMemo, useState } from 'react';
import clsx from 'clsx';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { formatBytes, formatCount } from '@/utils/format';
import { MAX_CONCURRENCY, storeConcurrency } from '../hooks/use-transfer-queue';
import { useTransfers, useUpload } from '../hooks/use-upload';
import type { TransferSnapshot } from '../utils/transfer-queue';
import { TransferItem } from './transfer-item';
import type { TransferNotesComponent } from './upload-provider';
import styles from './transfer-panel.module.css';

/** Rows rendered at once: a 10,000-file folder shows a window of its list. */
const MAX_ROWS = 500;
/** Finished rows kept in view above the first unfinished one. */
const ROWS_BEFORE_ACTIVE = 10;

/** Which rows to render: all of a short list; for a long one, from just before the work in progress. */
function visibleWindow(transfers: TransferSnapshot['transfers']) {
  if (transfers.length <= MAX_ROWS) return { start: 0, end: transfers.length };
  const firstActive = transfers.findIndex((t) => t.status === 'queued' || t.status === 'uploading');
  const start =
    firstActive < 0
      ? 0
      : Math.max(0, Math.min(firstActive - ROWS_BEFORE_ACTIVE, transfers.length - MAX_ROWS));
  return { start, end: start + MAX_ROWS };
}

function summaryText({ counts, skipped, speed, loadedBytes, totalBytes }: TransferSnapshot) {
  const active = counts.queued + counts.uploading;
  if (active > 0) {
    const total = counts.done + counts.failed + active;
    const rate = speed > 0 ? ` · ${formatBytes(speed)}/s` : '';
    return `Uploading: ${formatCount(counts.done)} of ${formatCount(total)} done · ${formatBytes(loadedBytes)} of ${formatBytes(totalBytes)}${rate}`;
  }
  const parts = [`${formatCount(counts.done)} uploaded`];
  if (counts.failed > 0) parts.push(`${formatCount(counts.failed)} failed`);
  if (counts.cancelled > 0) parts.push(`${formatCount(counts.cancelled)} cancelled`);
  if (skipped > 0) parts.push(`${formatCount(skipped)} skipped`);
  return parts.join(', ');
}

/** The floating list of uploads (loaded lazily with the first one). */
export function TransferPanel({ notes: Notes }: { notes?: TransferNotesComponent | undefined }) {
  const { queue } = useUpload();
  const snapshot = useTransfers();
  const [collapsed, setCollapsed] = useState(false);
  const { transfers, counts, concurrency } = snapshot;
  const bucketList = [...new Set(transfers.map((t) => t.bucket))].join('\n');
  const buckets = useMemo(() => (bucketList ? bucketList.split('\n') : []), [bucketList]);
  const active = counts.queued + counts.uploading;
  const finished = transfers.length - active;
  const { start, end } = visibleWindow(transfers);

  return (
    <section aria-label="Transfers" className={styles.panel}>
      <header className={styles.header}>
        <h2 className={styles.title}>Transfers</h2>
        <p role="status" className={styles.summary}>
          {summaryText(snapshot)}
        </p>
        <Button
          size="sm"
          variant="ghost"
          className={styles.toggle}
          aria-expanded={!collapsed}
          onClick={() => {
            setCollapsed(!collapsed);
          }}
        >
          {collapsed ? 'Show' : 'Hide'}
        </Button>
      </header>
      {collapsed ? null : (
        <>
          <div className={styles.controls}>
            <label className={styles.setting}>
              Parallel uploads
              <Input
                className={styles.number}
                type="number"
                min={1}
                max={MAX_CONCURRENCY}
                value={concurrency}
                onChange={(event) => {
                  const value = Number(event.target.value);
                  if (!Number.isInteger(value) || value < 1 || value > MAX_CONCURRENCY) return;
                  queue.setConcurrency(value);
                  storeConcurrency(value);
                }}
              />
            </label>
            <span className={styles.spacer} />
            {counts.failed > 0 ? (
              <Button size="sm" onClick={queue.retryFailed}>
                Re-upload failed
              </Button>
            ) : null}
            <Button size="sm" onClick={queue.cancelAll} disabled={active === 0}>
              Cancel all
            </Button>
            <Button size="sm" onClick={queue.clearFinished} disabled={finished === 0 && active > 0}>
              {active === 0 ? 'Close' : 'Clear finished'}
            </Button>
          </div>
          {Notes ? <Notes buckets={buckets} /> : null}
          {start > 0 ? (
            <p className={clsx(styles.more, 'muted')}>
              {formatCount(start)} earlier files not shown
            </p>
          ) : null}
          <ul className={styles.list}>
            {transfers.slice(start, end).map((transfer) => (
              <TransferItem
                key={transfer.id}
                transfer={transfer}
                onCancel={queue.cancel}
                onRetry={queue.retry}
              />
            ))}
          </ul>
          {transfers.length > end ? (
            <p className={clsx(styles.more, 'muted')}>
              and {formatCount(transfers.length - end)} more files
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
