import { useCallback, useEffect, useRef, useState, type ChangeEvent, type DragEvent } from 'react';
import { linkUploadNameProblem, type PublicLinkInfo } from '@stowage/shared';
import { Button } from '@/components/ui/button';
import { ProgressBar } from '@/components/ui/progress-bar';
import { errorMessage } from '@/lib/api-client';
import { formatBytes, formatDateTime } from '@/utils/format';
import { uploadThroughLink } from '../api/public-link';
import { dropSources, walkDrop, type NamedFile } from '../utils/dropped-files';
import { uploadSummary, type FileState } from '../utils/upload-summary';
import styles from './public-link.module.css';

type UploadDropProps = { token: string; info: PublicLinkInfo };

type Item = { id: number; name: string; size: number; state: FileState };

/**
 * An upload link's page: the folder's name, the link's expiry and limits, a drop zone (files
 * and whole folders, which keep their relative names) and "Choose files". Files go one at a
 * time, each with its progress and the server's verdict.
 */
export function UploadDrop({ token, info }: UploadDropProps) {
  const [items, setItems] = useState<Item[]>([]);
  const [over, setOver] = useState(false);
  const [dropError, setDropError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // The files still to send (outside React state: File objects), and whether the sender runs.
  const queue = useRef<(NamedFile & { id: number })[]>([]);
  const nextId = useRef(0);
  const running = useRef(false);

  const update = useCallback((id: number, state: FileState) => {
    setItems((all) => all.map((item) => (item.id === id ? { ...item, state } : item)));
  }, []);

  const run = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    try {
      for (let next = queue.current.shift(); next; next = queue.current.shift()) {
        const { id, name, file } = next;
        update(id, { status: 'sending', loaded: 0, total: file.size });
        try {
          const stored = await uploadThroughLink(token, name, file, {
            onProgress: ({ loaded, total }) => {
              update(id, { status: 'sending', loaded, total });
            },
          });
          update(id, { status: 'stored', size: stored.size });
        } catch (error) {
          update(id, { status: 'refused', message: errorMessage(error) });
        }
      }
    } finally {
      running.current = false;
    }
  }, [token, update]);

  const add = useCallback(
    (named: readonly NamedFile[]) => {
      const added: Item[] = [];
      for (const { name, file } of named) {
        const id = nextId.current++;
        const problem =
          linkUploadNameProblem(name) ??
          (info.maxBytes !== undefined && file.size > info.maxBytes
            ? `Larger than the ${formatBytes(info.maxBytes)} this link accepts per file`
            : undefined);
        if (problem) {
          added.push({ id, name, size: file.size, state: { status: 'refused', message: problem } });
        } else {
          queue.current.push({ id, name, file });
          added.push({ id, name, size: file.size, state: { status: 'waiting' } });
        }
      }
      setItems((all) => [...all, ...added]);
      void run();
    },
    [info.maxBytes, run],
  );

  // Leaving the page while files are on their way: the browser asks first.
  const busy = items.some((i) => i.state.status === 'sending' || i.state.status === 'waiting');
  useEffect(() => {
    if (!busy) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [busy]);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    setDropError(null);
    const sources = dropSources(event.dataTransfer);
    walkDrop(sources).then(add, (error: unknown) => {
      setDropError(`The browser could not read what was dropped: ${errorMessage(error)}`);
    });
  };

  const onPicked = (event: ChangeEvent<HTMLInputElement>) => {
    const picked = Array.from(event.target.files ?? []);
    event.target.value = '';
    add(picked.map((file) => ({ name: file.name, file })));
  };

  const folder = info.name === '' ? 'the shared folder' : info.name;
  return (
    <>
      <h1 className={styles.title}>Send files to {folder}</h1>
      <p className={styles.text}>
        The files you add here are sent to the person who shared this link. You cannot see what else
        the folder holds.
      </p>
      <dl className={styles.facts}>
        <dt>Link expires</dt>
        <dd>{formatDateTime(info.expiresAt)}</dd>
        {info.maxBytes === undefined ? null : (
          <>
            <dt>Largest file</dt>
            <dd>{formatBytes(info.maxBytes)}</dd>
          </>
        )}
        {info.maxTotalBytes === undefined ? null : (
          <>
            <dt>All files together</dt>
            <dd>up to {formatBytes(info.maxTotalBytes)}</dd>
          </>
        )}
        <dt>Same name</dt>
        <dd>
          {info.overwrite
            ? 'A file replaces the one of the same name.'
            : 'A file whose name is taken is refused.'}
        </dd>
      </dl>
      <div
        className={styles.zone}
        data-over={over}
        data-testid="link-drop-zone"
        onDragEnter={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
        }}
        onDragLeave={() => {
          setOver(false);
        }}
        onDrop={onDrop}
      >
        <p className={styles.text}>Drop files or folders here</p>
        <Button variant="primary" onClick={() => input.current?.click()}>
          Choose files
        </Button>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          data-testid="link-files-input"
          onChange={onPicked}
        />
      </div>
      {dropError ? (
        <p className={styles.refused} role="alert">
          {dropError}
        </p>
      ) : null}
      {items.length > 0 ? (
        <>
          <p className={styles.summary} role="status">
            {uploadSummary(items.map((i) => i.state))}
          </p>
          <ul className={styles.files} aria-label="Files">
            {items.map((item) => (
              <li key={item.id} className={styles.file} aria-label={item.name}>
                <span className={styles.fileName}>{item.name}</span>
                <FileLine item={item} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

function FileLine({ item }: { item: Item }) {
  const { state } = item;
  switch (state.status) {
    case 'waiting':
      return <span className={styles.waiting}>Waiting · {formatBytes(item.size)}</span>;
    case 'sending':
      return (
        <ProgressBar
          label={`Sending ${item.name}`}
          done={state.loaded}
          total={state.total}
          text={`${formatBytes(state.loaded)} of ${formatBytes(state.total)}`}
        />
      );
    case 'stored':
      return <span className={styles.stored}>Stored · {formatBytes(state.size)}</span>;
    case 'refused':
      return <span className={styles.refused}>Refused: {state.message}</span>;
  }
}
