import { useState } from 'react';
import { keyBasename, type BucketCapabilities, type DeleteObjectsResponse } from '@stowage/shared';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { Dialog, DialogActions, DialogKeys } from '@/components/ui/dialog';
import { errorMessage } from '@/lib/api-client';
import { formatCount } from '@/utils/format';
import { VisibleKey } from '@/components/ui/visible-key';
import { visibleKey } from '@/utils/visible-key';
import { useDeleteObject } from '../api/delete-object';
import { deleteEffect } from '../utils/delete-effect';
import { useDeleteObjects } from '../api/delete-objects';
import { DeleteResult } from './delete-result';
import { FolderSummary } from './folder-summary';

export type DeleteTarget =
  | { kind: 'objects'; keys: string[] }
  | { kind: 'folder'; prefix: string }
  /** Objects and folders of a selection: the objects by key, each folder by its prefix. */
  | { kind: 'items'; keys: string[]; prefixes: string[] };

/** What went: the keys that could not be deleted are in `failedKeys`; `deleted` counts. */
export type DeleteOutcome = { target: DeleteTarget; failedKeys: string[]; deleted?: number };

type DeleteDialogProps = {
  bucket: string;
  target: DeleteTarget;
  onClose: () => void;
  onDeleted?: (outcome: DeleteOutcome) => void;
  /** The bucket's versioning (capabilities): what a delete does there. */
  versioning?: BucketCapabilities['versioning'] | undefined;
};

/** Keys listed by name before "and N more". */
const SHOWN = 5;

function titleOf(target: DeleteTarget): string {
  if (target.kind === 'folder') return `Delete folder ${visibleKey(keyBasename(target.prefix))}?`;
  if (target.kind === 'items') {
    return `Delete ${formatCount(target.keys.length + target.prefixes.length)} items?`;
  }
  const [first] = target.keys;
  if (target.keys.length === 1 && first !== undefined) {
    return `Delete ${visibleKey(keyBasename(first)) || visibleKey(first)}?`;
  }
  return `Delete ${formatCount(target.keys.length)} objects?`;
}

/** Says exactly what will go, deletes it on confirmation, then shows what happened. */
export function DeleteDialog(props: DeleteDialogProps) {
  const { bucket, target, onClose, onDeleted, versioning } = props;
  const deleteMany = useDeleteObjects(bucket);
  const deleteOne = useDeleteObject(bucket);
  const [result, setResult] = useState<DeleteObjectsResponse | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const busy = deleteMany.isPending || deleteOne.isPending;

  /** The objects in one request (or several), then each folder by its prefix. */
  async function deleteItems(keys: string[], prefixes: string[]) {
    const total: DeleteObjectsResponse = { deleted: 0, errors: [] };
    const parts = [
      ...(keys.length > 0 ? [{ keys }] : []),
      ...prefixes.map((prefix) => ({ prefix })),
    ];
    for (const body of parts) {
      const res = await deleteMany.mutateAsync(body);
      total.deleted += res.deleted;
      total.errors.push(...res.errors);
    }
    return total;
  }

  async function confirm() {
    setFailure(null);
    try {
      let res: DeleteObjectsResponse;
      const [only] = target.kind === 'objects' && target.keys.length === 1 ? target.keys : [];
      if (only !== undefined) {
        await deleteOne.mutateAsync(only);
        res = { deleted: 1, errors: [] };
      } else if (target.kind === 'items') {
        res = await deleteItems(target.keys, target.prefixes);
      } else {
        res = await deleteMany.mutateAsync(
          target.kind === 'folder' ? { prefix: target.prefix } : { keys: target.keys },
        );
      }
      onDeleted?.({ target, failedKeys: res.errors.map((e) => e.key), deleted: res.deleted });
      // All gone: the page says so in a toast. A report stays only for the keys that failed.
      if (res.errors.length === 0) onClose();
      else setResult(res);
    } catch (err) {
      setFailure(err);
    }
  }

  return (
    <Dialog
      title={result ? 'Some objects could not be deleted' : titleOf(target)}
      onClose={onClose}
      dismissible={!busy}
    >
      {result ? (
        <DeleteResult result={result} />
      ) : (
        <>
          {target.kind === 'folder' ? (
            <FolderSummary bucket={bucket} prefix={target.prefix} />
          ) : target.kind === 'items' ? (
            <>
              <p>
                These {formatCount(target.keys.length + target.prefixes.length)} items will be
                deleted, each folder with everything in it:
              </p>
              <DialogKeys>
                {[...target.prefixes, ...target.keys].slice(0, SHOWN).map((key) => (
                  <li key={key}>
                    <VisibleKey text={key} />
                  </li>
                ))}
                {target.keys.length + target.prefixes.length > SHOWN ? (
                  <li className="muted">
                    and {formatCount(target.keys.length + target.prefixes.length - SHOWN)} more
                  </li>
                ) : null}
              </DialogKeys>
            </>
          ) : (
            <>
              <p>
                {target.keys.length === 1
                  ? 'This object will be deleted:'
                  : `These ${formatCount(target.keys.length)} objects will be deleted:`}
              </p>
              <DialogKeys>
                {target.keys.slice(0, SHOWN).map((key) => (
                  <li key={key}>
                    <VisibleKey text={key} />
                  </li>
                ))}
                {target.keys.length > SHOWN ? (
                  <li className="muted">and {formatCount(target.keys.length - SHOWN)} more</li>
                ) : null}
              </DialogKeys>
            </>
          )}
          <p className="muted">{deleteEffect(versioning)}</p>
          {failure ? <Banner title="The delete failed.">{errorMessage(failure)}</Banner> : null}
        </>
      )}
      <DialogActions>
        {result ? (
          <Button variant="primary" onClick={onClose} autoFocus>
            Close
          </Button>
        ) : (
          <>
            <Button onClick={onClose} disabled={busy}>
              Cancel
            </Button>
            <Button variant="danger" onClick={() => void confirm()} disabled={busy}>
              {busy ? 'Deleting…' : 'Delete'}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
