import { useEffect, useState } from 'react';
import type { ConflictMode } from '@stowage/shared';
import { ConflictDialog } from '@/components/ui/conflict-dialog';
import { itemsLabel } from '@/utils/items';
import { visibleKey } from '@/utils/visible-key';
import type { Operation } from '../api/run-operation';
import { useOperation, type OperationScope } from '../hooks/use-operation';
import type { OrganizeRequest } from '../organize-request';
import { destinationLabel, type Destination } from '../utils/destination';
import { currentName } from '../utils/rename-name';
import { DestinationPicker } from './destination-picker';
import { MoveConfirm } from './move-confirm';
import { OperationDialog } from './operation-dialog';
import { RenameDialog } from './rename-dialog';

type OrganizeDialogsProps = {
  request: OrganizeRequest;
  onClose: () => void;
  /** A rename went through: `from` is now `to`. */
  onRenamed?: (from: string, to: string) => void;
};

/** What runs, for the titles: "Copy 3 items to b2/dest/", "Rename a.txt to b.txt". */
type Running = { title: string; done: string; rename?: { from: string; to: string } };

/**
 * Copy to…, Move to…, a drop's move and Rename: the first question (the picker, the
 * confirmation, the name), then the operation with its conflict question (asked once),
 * progress, Cancel and report. Loaded lazily with zod and the forms.
 */
export function OrganizeDialogs({ request, onClose, onRenamed }: OrganizeDialogsProps) {
  const operation = useOperation();
  const [running, setRunning] = useState<Running | null>(null);
  const { state } = operation;

  // A rename that went through cleanly closes by itself: the listing shows the new name.
  const renamed = running?.rename;
  const clean =
    state?.phase === 'done' &&
    state.result.errors.length === 0 &&
    state.result.skipped === 0 &&
    !state.result.cancelled;
  useEffect(() => {
    if (renamed && clean) {
      onRenamed?.(renamed.from, renamed.to);
      onClose();
    }
  }, [renamed, clean, onRenamed, onClose]);

  const start = (
    run: Running,
    make: (conflict: ConflictMode) => Operation,
    scope: OperationScope,
  ) => {
    setRunning(run);
    operation.start(make, scope);
  };

  const copyTo = (move: boolean, to: Destination) => {
    if (request.kind === 'rename') return;
    const { bucket, items } = request;
    const label = visibleKey(destinationLabel(to));
    start(
      {
        title: `${move ? 'Move' : 'Copy'} ${itemsLabel(items)} to ${label}`,
        done: move ? 'Moved' : 'Copied',
      },
      (conflict) => ({
        kind: 'copy',
        bucket,
        body: { keys: [...items.keys], prefixes: [...items.prefixes], to, move, conflict },
      }),
      {
        buckets: [...new Set([bucket, to.bucket])],
        ...(move ? { moved: { bucket, keys: items.keys, prefixes: items.prefixes } } : {}),
      },
    );
  };

  if (state === null || running === null) {
    switch (request.kind) {
      case 'copy':
      case 'move':
        return (
          <DestinationPicker
            mode={request.kind}
            bucket={request.bucket}
            from={request.from}
            items={request.items}
            onCancel={onClose}
            onConfirm={(to) => {
              copyTo(request.kind === 'move', to);
            }}
          />
        );
      case 'drop':
        return (
          <MoveConfirm
            from={request.from}
            to={request.to}
            items={request.items}
            onCancel={onClose}
            onConfirm={() => {
              copyTo(true, { bucket: request.bucket, prefix: request.to });
            }}
          />
        );
      case 'rename': {
        const { bucket, key } = request;
        return (
          <RenameDialog
            objectKey={key}
            onCancel={onClose}
            onConfirm={(to) => {
              const folder = key.endsWith('/');
              start(
                {
                  title: `Rename ${visibleKey(currentName(key))} to ${visibleKey(currentName(to))}`,
                  done: 'Renamed',
                  rename: { from: key, to },
                },
                (conflict) => ({ kind: 'rename', bucket, body: { from: key, to, conflict } }),
                {
                  buckets: [bucket],
                  moved: { bucket, keys: folder ? [] : [key], prefixes: folder ? [key] : [] },
                },
              );
            }}
          />
        );
      }
    }
  }

  if (state.phase === 'conflict') {
    const single = request.kind === 'rename' && !request.key.endsWith('/');
    return (
      <ConflictDialog
        title={single ? 'The name is taken' : 'Some names are taken'}
        noun={request.kind === 'rename' ? 'names' : 'copies'}
        cancelLabel="Cancel"
        allowSkip={!single}
        onChoose={(choice) => {
          if (choice === null) onClose();
          else operation.retryWith(choice);
        }}
      >
        {state.message}
      </ConflictDialog>
    );
  }

  return (
    <OperationDialog
      title={running.title}
      done={running.done}
      state={state}
      onCancel={operation.cancel}
      onClose={onClose}
    />
  );
}
