/* eslint react-hooks/incompatible-library: "off" -- TanStack Virtual is fine without React Compiler, which this app does not use. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { formatBytes, formatCount } from '@/utils/format';
import { isMultipart, MAX_CONCURRENCY, storeConcurrency } from '../hooks/use-transfer-queue';
import { useTransfers, useUpload } from '../hooks/use-upload';
import type { InterruptedUpload, TransferSnapshot } from '../utils/transfer-types';
import { TransferItem } from './transfer-item';
import type { TransferNotesComponent } from './upload-provider';
import styles from './transfer-panel.module.css';

/** A row's height before it is measured: one line of name, the bar and one of figures. */
const ESTIMATED_ROW_PX = 72;
/** Finished rows kept in view above the first unfinished one. */
const ROWS_BEFORE_ACTIVE = 10;

function summaryText({ counts, skipped, speed, loadedBytes, totalBytes }: TransferSnapshot) {
  const active = counts.queued + counts.uploading;
  if (active > 0) {
    const total = counts.done + counts.failed + active;
    const rate = speed > 0 ? ` · ${formatBytes(speed)}/s` : '';
    return `Uploading: ${formatCount(counts.done)} of ${formatCount(total)} done · ${formatBytes(loadedBytes)} of ${formatBytes(totalBytes)}${rate}`;
  }
  const parts = [`${formatCount(counts.done)} uploaded`];
  if (counts.failed > 0) parts.push(`${formatCount(counts.failed)} failed`);
  if (counts.paused > 0) parts.push(`${formatCount(counts.paused)} paused`);
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
  const headerRef = useReservedSpace();

  return (
    <section aria-label="Transfers" className={styles.panel}>
      <header ref={headerRef} className={styles.header}>
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
          {snapshot.interrupted.length > 0 ? (
            <InterruptedList
              uploads={snapshot.interrupted}
              onDiscard={(upload) =>
                import('../multipart/queue-glue').then((m) => m.discardInterrupted(queue, upload))
              }
            />
          ) : null}
          <TransferList
            transfers={transfers}
            onCancel={queue.cancel}
            onRetry={queue.retry}
            onPause={queue.pause}
            onResume={queue.resume}
          />
        </>
      )}
    </section>
  );
}

/**
 * Keeps the panel's collapsed height (its header) clear at the bottom of the page, so the
 * panel never covers the listing's footer: the height goes to `--transfers-reserve`, which
 * the page's padding reads (bucket.module.css). Gone with the panel.
 */
function useReservedSpace() {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const header = ref.current;
    if (!header) return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => {
      // The header, the panel's two borders, and a gap.
      root.style.setProperty(
        '--transfers-reserve',
        `calc(${String(header.offsetHeight + 2)}px + var(--space-4))`,
      );
    });
    observer.observe(header);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--transfers-reserve');
    };
  }, []);
  return ref;
}

/** Multipart uploads an earlier page left unfinished: choose the same file again, or discard. */
function InterruptedList({
  uploads,
  onDiscard,
}: {
  uploads: readonly InterruptedUpload[];
  onDiscard: (upload: InterruptedUpload) => Promise<void>;
}) {
  const [error, setError] = useState<string | null>(null);
  return (
    <section aria-label="Interrupted uploads" className={styles.interrupted}>
      <p className={styles.hint}>
        Interrupted: upload the same file to the same place again to resume it.
      </p>
      <ul className={styles.interruptedList}>
        {uploads.map((u) => (
          <li key={u.uploadId} aria-label={`${u.key} (interrupted)`} data-status="interrupted">
            <span>
              {u.key} in {u.bucket} · {formatBytes(u.doneBytes)} of {formatBytes(u.size)}
            </span>
            <Button
              size="sm"
              variant="ghost"
              onClick={() => {
                setError(null);
                onDiscard(u).catch((e: unknown) => {
                  setError(e instanceof Error ? e.message : String(e));
                });
              }}
            >
              Discard
            </Button>
          </li>
        ))}
      </ul>
      {error ? <p role="alert">{error}</p> : null}
    </section>
  );
}

type TransferListProps = {
  transfers: TransferSnapshot['transfers'];
  onCancel: (id: number) => void;
  onRetry: (id: number) => void;
  onPause: (id: number) => void;
  onResume: (id: number) => void;
};

/**
 * Every transfer, virtualized: only the rows in (and near) view are in the DOM, so a folder
 * of many thousands of files scrolls as smoothly as a few. Until the user scrolls it, the
 * list follows the work: the first unfinished row stays in view, finished ones above it.
 */
function TransferList({ transfers, onCancel, onRetry, onPause, onResume }: TransferListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: transfers.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_PX,
    // Unrounded (the default rounds): rows of 72.4px sit where the page's flow would put them.
    measureElement: (element) => element.getBoundingClientRect().height,
    getItemKey: (index) => transfers[index]?.id ?? index,
    overscan: 8,
  });

  const firstActive = transfers.findIndex((t) => t.status === 'queued' || t.status === 'uploading');
  const followIndex = firstActive < 0 ? 0 : Math.max(0, firstActive - ROWS_BEFORE_ACTIVE);
  const followingRef = useRef(true);
  useEffect(() => {
    if (followingRef.current) virtualizer.scrollToIndex(followIndex, { align: 'start' });
  }, [followIndex, virtualizer]);
  const stopFollowing = () => {
    followingRef.current = false;
  };

  return (
    <div
      ref={scrollRef}
      className={styles.scroller}
      onWheel={stopFollowing}
      onTouchMove={stopFollowing}
      onPointerDown={stopFollowing}
      onKeyDown={stopFollowing}
    >
      <ul className={styles.list} style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => {
          const transfer = transfers[row.index];
          if (!transfer) return null;
          return (
            <TransferItem
              key={row.key}
              ref={virtualizer.measureElement}
              index={row.index}
              count={transfers.length}
              start={row.start}
              transfer={transfer}
              onCancel={onCancel}
              onRetry={onRetry}
              onPause={onPause}
              onResume={onResume}
              pausable={isMultipart(transfer.file)}
            />
          );
        })}
      </ul>
    </div>
  );
}
