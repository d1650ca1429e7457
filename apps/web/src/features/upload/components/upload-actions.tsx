import {
  lazy,
  Suspense,
  useRef,
  useState,
  type ChangeEvent,
  type InputHTMLAttributes,
  type ReactNode,
} from 'react';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { focusRowWhenShown } from '@/lib/grid-focus';
import { formatCount } from '@/utils/format';
import { useUpload } from '../hooks/use-upload';
import { UploadOptionsSummary } from './upload-options-summary';
import styles from './upload-actions.module.css';

const UploadOptionsDialog = lazy(() =>
  import('./upload-options-dialog').then((m) => ({ default: m.UploadOptionsDialog })),
);
const NewFolderDialog = lazy(() =>
  import('./new-folder-dialog').then((m) => ({ default: m.NewFolderDialog })),
);
const NewTextObjectDialog = lazy(() =>
  import('./new-text-object-dialog').then((m) => ({ default: m.NewTextObjectDialog })),
);

/** Not in React's input attribute types; Chromium, Firefox and Safari all support it. */
const FOLDER_INPUT = { webkitdirectory: '' } as InputHTMLAttributes<HTMLInputElement>;

type UploadActionsProps = {
  bucket: string;
  prefix: string;
  /** A new text object was saved. */
  onCreated?: (key: string) => void;
  /** A new folder was made (its prefix). */
  onFolderCreated?: (prefix: string) => void;
  /** The folder's other actions, composed by the page (an upload link). */
  children?: ReactNode;
};

/** The toolbar's write actions for the open folder: file and folder pickers, new text object. */
export function UploadActions(props: UploadActionsProps) {
  const { bucket, prefix, onCreated, onFolderCreated, children } = props;
  const { startUpload, checking, error, dismissError } = useUpload();
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const [dialog, setDialog] = useState<'options' | 'text' | 'folder' | null>(null);
  const close = () => {
    setDialog(null);
  };

  const onPicked = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    // Reset, so picking the same files again fires another change.
    event.target.value = '';
    void startUpload(bucket, prefix, files);
  };

  return (
    <div className={styles.actions}>
      <Button variant="primary" aria-keyshortcuts="u" onClick={() => filesInput.current?.click()}>
        Upload files
      </Button>
      <Button onClick={() => folderInput.current?.click()}>Upload folder</Button>
      <Button
        onClick={() => {
          setDialog('text');
        }}
      >
        New text object
      </Button>
      <Button
        onClick={() => {
          setDialog('folder');
        }}
      >
        New folder
      </Button>
      <Button
        variant="ghost"
        onClick={() => {
          setDialog('options');
        }}
      >
        Upload options
      </Button>
      {children}
      <UploadOptionsSummary />
      <input
        ref={filesInput}
        type="file"
        multiple
        hidden
        data-testid="upload-files-input"
        onChange={onPicked}
      />
      <input
        ref={folderInput}
        type="file"
        multiple
        hidden
        data-testid="upload-folder-input"
        onChange={onPicked}
        {...FOLDER_INPUT}
      />
      {checking > 0 ? (
        <span role="status" className={styles.checking}>
          Checking {formatCount(checking)} {checking === 1 ? 'file' : 'files'}…
        </span>
      ) : null}
      {error ? (
        <Banner
          className={styles.error}
          action={
            <Button size="sm" onClick={dismissError}>
              Dismiss
            </Button>
          }
        >
          {error}
        </Banner>
      ) : null}
      <Suspense fallback={null}>
        {dialog === 'options' ? <UploadOptionsDialog onClose={close} /> : null}
        {dialog === 'folder' ? (
          <NewFolderDialog
            bucket={bucket}
            prefix={prefix}
            onClose={close}
            onCreated={(created) => {
              close();
              onFolderCreated?.(created);
            }}
          />
        ) : null}
        {dialog === 'text' ? (
          <NewTextObjectDialog
            bucket={bucket}
            prefix={prefix}
            onClose={close}
            onCreated={(key) => {
              close();
              focusRowWhenShown(key);
              onCreated?.(key);
            }}
          />
        ) : null}
      </Suspense>
    </div>
  );
}
