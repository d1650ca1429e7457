import { useState } from 'react';
import type { CopyProgress } from '@stowage/shared';
import { TextField } from '@/components/form/text-field';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { Dialog, DialogActions } from '@/components/ui/dialog';
import { ProgressBar } from '@/components/ui/progress-bar';
import { Spinner } from '@/components/ui/spinner';
import { errorMessage, hasCode } from '@/lib/api-client';
import { formatBytes, formatCount } from '@/utils/format';
import { visibleKey } from '@/utils/visible-key';
import { useDeleteBucket } from '../api/delete-bucket';
import { useEmptyBucket } from '../hooks/use-empty-bucket';
import { EmptyConfirm } from './empty-confirm';
import { EmptyReport } from './empty-report';

type DeleteBucketDialogProps = { bucket: string; onClose: () => void };

/** "3 of 10 · 1.2 MB of 5.0 MB" */
function progressText(p: CopyProgress): string {
  return `${formatCount(p.done)} of ${formatCount(p.total)} deleted · ${formatBytes(p.bytes)} of ${formatBytes(p.totalBytes)}`;
}

/**
 * Deletes a bucket once its name is typed again. The API refuses one that is not empty (409
 * BucketNotEmpty): the dialog then offers to empty it first (what it holds, progress and
 * Cancel, then what was deleted and what was not), and to delete it once it is empty — the
 * name typed once is enough for both.
 */
export function DeleteBucketDialog({ bucket, onClose }: DeleteBucketDialogProps) {
  const remove = useDeleteBucket();
  const empty = useEmptyBucket(bucket);
  const [notEmpty, setNotEmpty] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const typedOk = typed === bucket;
  const name = visibleKey(bucket);
  const running = empty.state.phase === 'running';
  const busy = running || remove.isPending;

  const deleteBucket = () => {
    remove.mutate(bucket, {
      onError: (error) => {
        if (hasCode(error, 'BucketNotEmpty')) setNotEmpty(error.message);
      },
    });
  };

  // The 409 that led here is answered: a later refusal is a new one.
  const startEmpty = (confirm: string) => {
    remove.reset();
    empty.start(confirm);
  };

  if (remove.isSuccess) {
    return (
      <Dialog title={`Delete bucket ${name}?`} onClose={onClose}>
        <p role="status">The bucket {name} was deleted.</p>
        <DialogActions>
          <Button variant="primary" onClick={onClose} autoFocus>
            Close
          </Button>
        </DialogActions>
      </Dialog>
    );
  }

  const { state } = empty;
  const emptied = state.phase === 'done' && state.result.errors.length === 0;
  const refusal =
    remove.error && !(hasCode(remove.error, 'BucketNotEmpty') && state.phase === 'idle')
      ? remove.error
      : null;

  return (
    <Dialog
      title={`Delete bucket ${name}?`}
      onClose={running ? empty.cancel : onClose}
      dismissible={!remove.isPending}
      wide
    >
      {refusal ? (
        <Banner title="The bucket was not deleted.">{errorMessage(refusal)}</Banner>
      ) : null}
      {state.phase === 'idle' && notEmpty !== null ? (
        <EmptyConfirm
          bucket={bucket}
          reason={notEmpty}
          confirmed={typedOk}
          onEmpty={startEmpty}
          onCancel={onClose}
        />
      ) : null}
      {state.phase === 'idle' && notEmpty === null ? (
        <>
          <p>The bucket {name} will be deleted. Only an empty bucket can be deleted.</p>
          <TextField
            label={`Type ${bucket} to confirm`}
            value={typed}
            onChange={(event) => {
              setTyped(event.target.value);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && typedOk && !busy) deleteBucket();
            }}
            autoFocus
          />
        </>
      ) : null}
      {state.phase === 'running' ? (
        state.progress ? (
          <ProgressBar
            label="Emptying"
            done={state.progress.done}
            total={state.progress.total}
            text={progressText(state.progress)}
          />
        ) : (
          <Spinner inline label="Listing what to delete…" />
        )
      ) : null}
      {state.phase === 'done' ? <EmptyReport result={state.result} /> : null}
      {state.phase === 'cancelled' ? (
        <p role="status">
          Stopped
          {state.progress
            ? ` after ${formatCount(state.progress.done)} of ${formatCount(state.progress.total)}`
            : ''}
          . What was deleted stays deleted; the bucket is not empty.
        </p>
      ) : null}
      {state.phase === 'failed' ? (
        <Banner title="The bucket was not emptied.">{errorMessage(state.error)}</Banner>
      ) : null}
      {emptied ? <p>The bucket is empty. Delete it now?</p> : null}
      {state.phase === 'idle' && notEmpty !== null ? null : (
        <DialogActions>
          {running ? (
            <Button onClick={empty.cancel}>Stop</Button>
          ) : (
            <Button onClick={onClose} disabled={busy}>
              {state.phase === 'idle' ? 'Cancel' : 'Close'}
            </Button>
          )}
          {state.phase === 'idle' || emptied ? (
            <Button variant="danger" onClick={deleteBucket} disabled={busy || !typedOk}>
              {remove.isPending ? 'Deleting…' : 'Delete bucket'}
            </Button>
          ) : null}
        </DialogActions>
      )}
    </Dialog>
  );
}
