import type { CopyProgress } from '@stowage/shared';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { Dialog, DialogActions } from '@/components/ui/dialog';
import { ProgressBar } from '@/components/ui/progress-bar';
import { Spinner } from '@/components/ui/spinner';
import { errorMessage } from '@/lib/api-client';
import { formatBytes, formatCount } from '@/utils/format';
import type { OperationState } from '../hooks/use-operation';
import { OperationReport } from './operation-report';
import styles from './operation-dialog.module.css';

type OperationDialogProps = {
  /** "Copy 3 items to b2/dest/" */
  title: string;
  /** "Copied", "Moved", "Renamed". */
  done: string;
  state: Exclude<OperationState, { phase: 'conflict' }>;
  onCancel: () => void;
  onClose: () => void;
};

/** "3 of 10 objects · 1.2 MB of 5.0 MB" */
function progressText(p: CopyProgress): string {
  return `${formatCount(p.done)} of ${formatCount(p.total)} objects · ${formatBytes(p.bytes)} of ${formatBytes(p.totalBytes)}`;
}

/** A copy, move or rename under way (progress, Cancel), then what it did. */
export function OperationDialog({ title, done, state, onCancel, onClose }: OperationDialogProps) {
  const running = state.phase === 'running';
  return (
    <Dialog title={title} onClose={running ? onCancel : onClose}>
      {state.phase === 'running' ? (
        state.progress === null ? (
          <Spinner label="Counting what to do…" inline />
        ) : (
          <Progress progress={state.progress} />
        )
      ) : null}
      {state.phase === 'done' ? <OperationReport result={state.result} verb={done} /> : null}
      {state.phase === 'cancelled' ? (
        <p role="status" className={styles.result}>
          Cancelled
          {state.progress
            ? ` after ${formatCount(state.progress.done)} of ${formatCount(state.progress.total)} objects`
            : ''}
          . What was done stays done.
        </p>
      ) : null}
      {state.phase === 'failed' ? (
        <Banner title="It did not happen.">{errorMessage(state.error)}</Banner>
      ) : null}
      <DialogActions>
        {running ? (
          <Button onClick={onCancel}>Cancel</Button>
        ) : (
          <Button variant="primary" onClick={onClose} autoFocus>
            Close
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}

function Progress({ progress }: { progress: CopyProgress }) {
  return <ProgressBar done={progress.done} total={progress.total} text={progressText(progress)} />;
}
