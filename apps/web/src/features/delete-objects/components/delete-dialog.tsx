import { useState } from 'react';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { keyBasename, type BucketCapabilities, type DeleteObjectsResponse } from '@stowage/shared';
import { TextField } from '@/components/form/text-field';
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
import { getPrefixSummaryQueryOptions } from '../api/get-prefix-summary';
import { startDeleteWork } from '../work/delete-work';
import { DeleteResult } from './delete-result';
import { FolderSummary } from './folder-summary';
import { showWorkPanel } from '../work/work-reveal';

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
/** A folder delete of more objects than this asks for the folder's name typed again. */
export const TYPED_CONFIRM_OVER = 1000;

const plural = (n: number, one: string, many: string) =>
  `${formatCount(n)} ${n === 1 ? one : many}`;

/** The folders' summaries (counted by the API): their objects in all, and whether each is known. */
function useFoldersCount(bucket: string, prefixes: readonly string[]) {
  return useQueries({
    queries: prefixes.map((prefix) => getPrefixSummaryQueryOptions(bucket, prefix)),
    combine: (results) => ({
      count: results.reduce((sum, r) => sum + (r.data?.count ?? 0), 0),
      /** Some folder has more than the API counts ("more than"). */
      truncated: results.some((r) => r.data?.truncated === true),
      counted: results.every((r) => r.data !== undefined),
      /** A count failed: the delete still removes everything, the total is not known. */
      failed: results.some((r) => r.isError),
    }),
  });
}

/** "2 files and 1 folder" */
function itemsLabel(keys: number, prefixes: number): string {
  const parts = [];
  if (keys > 0) parts.push(plural(keys, 'file', 'files'));
  if (prefixes > 0) parts.push(plural(prefixes, 'folder', 'folders'));
  return parts.join(' and ');
}

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
  const queryClient = useQueryClient();
  const prefixes =
    target.kind === 'folder' ? [target.prefix] : target.kind === 'items' ? target.prefixes : [];
  const folders = useFoldersCount(bucket, prefixes);
  const keyCount = target.kind === 'folder' ? 0 : target.keys.length;
  const objectCount = keyCount + folders.count;
  // The name to type again: the folder's, for a folder delete of many objects.
  const folderName = target.kind === 'folder' ? keyBasename(target.prefix).replace(/\/$/, '') : '';
  const mustType =
    target.kind === 'folder' &&
    folders.counted &&
    (folders.truncated || folders.count > TYPED_CONFIRM_OVER);
  const [typed, setTyped] = useState('');
  const typedOk = !mustType || typed === folderName || typed === `${folderName}/`;

  /** A folder, or a selection holding folders: deleted in the background, the dialog closes. */
  function startInBackground(keys: string[], folderPrefixes: string[]) {
    const label =
      target.kind === 'folder' ? target.prefix : itemsLabel(keys.length, folderPrefixes.length);
    startDeleteWork({
      queryClient,
      bucket,
      keys,
      prefixes: folderPrefixes,
      label,
      estimate: folders.counted && !folders.truncated ? objectCount : null,
      onDone: (failedKeys) => onDeleted?.({ target, failedKeys }),
    });
    showWorkPanel();
    onClose();
  }

  async function confirm() {
    setFailure(null);
    if (target.kind === 'folder') return startInBackground([], [target.prefix]);
    if (target.kind === 'items' && target.prefixes.length > 0) {
      return startInBackground(target.keys, target.prefixes);
    }
    try {
      let res: DeleteObjectsResponse;
      const [only] = target.kind === 'objects' && target.keys.length === 1 ? target.keys : [];
      if (only !== undefined) {
        await deleteOne.mutateAsync(only);
        res = { deleted: 1, errors: [] };
      } else {
        res = await deleteMany.mutateAsync({ keys: target.keys });
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
                {itemsLabel(target.keys.length, target.prefixes.length)} (
                {folders.counted
                  ? `${folders.truncated ? 'more than ' : '~'}${plural(objectCount, 'object', 'objects')}`
                  : folders.failed
                    ? 'objects not counted'
                    : 'counting objects…'}
                ) will be deleted, each folder with everything in it:
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
          {mustType ? (
            <TextField
              label={`Type ${folderName} to confirm`}
              hint={`More than ${formatCount(TYPED_CONFIRM_OVER)} objects: type the folder's name to delete them.`}
              value={typed}
              onChange={(event) => {
                setTyped(event.target.value);
              }}
              autoFocus
            />
          ) : null}
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
            <Button variant="danger" onClick={() => void confirm()} disabled={busy || !typedOk}>
              {busy ? 'Deleting…' : 'Delete'}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
