import { useState } from 'react';
import { keyBasename } from '@stowage/shared';
import { Button } from '@/components/ui/button';
import { Dialog, DialogActions } from '@/components/ui/dialog';
import { BucketIcon, FolderIcon } from '@/components/ui/icons';
import { Input } from '@/components/ui/input';
import { Spinner } from '@/components/ui/spinner';
import { VisibleKey } from '@/components/ui/visible-key';
import { errorMessage } from '@/lib/api-client';
import { itemsLabel, type Items } from '@/utils/items';
import { visibleKey } from '@/utils/visible-key';
import { useBucketNames, useSubfolders } from '../api/get-folders';
import {
  destinationLabel,
  moveProblem,
  parseDestinationPath,
  upOf,
  type Destination,
} from '../utils/destination';
import styles from './destination-picker.module.css';

type DestinationPickerProps = {
  mode: 'copy' | 'move';
  bucket: string;
  /** The folder the items are in (where browsing starts). */
  from: string;
  items: Items;
  onCancel: () => void;
  onConfirm: (to: Destination) => void;
};

/**
 * "Copy to…" / "Move to…": browse buckets and folders, or type a path ("bucket/folder/sub/",
 * which need not exist: the copy makes it), then "Copy 3 items to b2/dest/".
 */
export function DestinationPicker(props: DestinationPickerProps) {
  const { mode, bucket, from, items, onCancel, onConfirm } = props;
  // null: the list of buckets.
  const [browse, setBrowse] = useState<{ bucket: string | null; prefix: string }>({
    bucket,
    prefix: from,
  });
  const [typed, setTyped] = useState('');
  const parsed = typed.trim() === '' ? null : parseDestinationPath(typed.trim());
  const destination: Destination | null =
    typed.trim() !== ''
      ? parsed
      : browse.bucket === null
        ? null
        : { bucket: browse.bucket, prefix: browse.prefix };
  const problem =
    typed.trim() !== '' && parsed === null
      ? 'Type a bucket, then the folders: bucket/folder/sub/'
      : destination && mode === 'move'
        ? moveProblem(bucket, from, items.prefixes, destination)
        : null;

  const verb = mode === 'copy' ? 'Copy' : 'Move';
  const label = destination ? destinationLabel(destination) : null;

  return (
    <Dialog title={`${verb} ${itemsLabel(items)}`} onClose={onCancel} wide>
      <p className={styles.destination}>
        Destination:{' '}
        <strong className={styles.path} data-testid="destination-path">
          {label === null ? 'choose a bucket' : <VisibleKey text={label} />}
        </strong>
      </p>
      <Browser
        browse={browse}
        onBrowse={(next) => {
          setTyped('');
          setBrowse(next);
        }}
      />
      <label className={styles.typed}>
        Or type a path
        <Input
          value={typed}
          placeholder="bucket/folder/sub/"
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => {
            setTyped(event.target.value);
          }}
        />
      </label>
      {problem ? (
        <p className="text-error" role="alert">
          {problem}
        </p>
      ) : null}
      <DialogActions>
        <Button onClick={onCancel}>Cancel</Button>
        <Button
          variant="primary"
          disabled={destination === null || problem !== null}
          onClick={() => {
            if (destination) onConfirm(destination);
          }}
        >
          {label === null ? verb : `${verb} ${itemsLabel(items)} to ${visibleKey(label)}`}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

type Browse = { bucket: string | null; prefix: string };

/** The list of buckets, or a folder's subfolders with a way up. */
function Browser({ browse, onBrowse }: { browse: Browse; onBrowse: (next: Browse) => void }) {
  const buckets = useBucketNames();
  const folders = useSubfolders(browse.bucket, browse.prefix);
  const query = browse.bucket === null ? buckets : folders;

  return (
    <div className={styles.browser}>
      {browse.bucket !== null ? (
        <Button
          size="sm"
          variant="ghost"
          className={styles.up}
          onClick={() => {
            onBrowse(
              browse.prefix === ''
                ? { bucket: null, prefix: '' }
                : { bucket: browse.bucket, prefix: upOf(browse.prefix) },
            );
          }}
        >
          {browse.prefix === '' ? '↑ All buckets' : '↑ Up'}
        </Button>
      ) : null}
      {query.isPending ? <Spinner label="Loading folders…" inline /> : null}
      {query.isError ? <p className="text-error">{errorMessage(query.error)}</p> : null}
      <ul className={styles.list} aria-label={browse.bucket === null ? 'Buckets' : 'Folders'}>
        {browse.bucket === null
          ? buckets.data?.map((name) => (
              <li key={name}>
                <button
                  type="button"
                  className={styles.entry}
                  onClick={() => {
                    onBrowse({ bucket: name, prefix: '' });
                  }}
                >
                  <BucketIcon />
                  <VisibleKey text={name} />
                </button>
              </li>
            ))
          : folders.data?.folders.map((prefix) => (
              <li key={prefix}>
                <button
                  type="button"
                  className={styles.entry}
                  onClick={() => {
                    onBrowse({ bucket: browse.bucket, prefix });
                  }}
                >
                  <FolderIcon />
                  <VisibleKey text={keyBasename(prefix, browse.prefix)} />
                </button>
              </li>
            ))}
        {browse.bucket !== null && folders.data?.folders.length === 0 ? (
          <li className={styles.note}>No subfolders</li>
        ) : null}
        {folders.data?.more ? <li className={styles.note}>More folders: type the path</li> : null}
      </ul>
    </div>
  );
}
