import type { DragEvent, ReactNode } from 'react';
import { useDropzone } from 'react-dropzone';
import clsx from 'clsx';
import { VisibleKey } from '@/components/ui/visible-key';
import { isInternalDrag } from '@/utils/items';
import { useUpload } from '../hooks/use-upload';
import styles from './upload-drop-zone.module.css';

type UploadDropZoneProps = {
  bucket: string;
  prefix: string;
  className?: string;
  /** Nothing to upload into (a bucket that does not exist): drops are not taken. */
  disabled?: boolean;
  children: ReactNode;
};

/** Files and whole folders dropped anywhere on the children upload to `prefix`. */
export function UploadDropZone(props: UploadDropZoneProps) {
  const { bucket, prefix, className, disabled = false, children } = props;
  const { startUpload } = useUpload();
  const { getRootProps, isDragActive } = useDropzone({
    noClick: true,
    noKeyboard: true,
    noPaste: true,
    noDrag: disabled,
    onDrop: (files) => void startUpload(bucket, prefix, files),
  });
  const target = prefix === '' ? `the root of ${bucket}` : prefix;
  // Rows dragged within the listing (a move) are not files: react-dropzone never sees them.
  const ignoreInternal = (event: DragEvent) => {
    if (isInternalDrag(event.dataTransfer)) event.stopPropagation();
  };

  return (
    // A test id: the zone is a presentational wrapper, with no role or name to find it by.
    <div
      {...getRootProps({
        className: clsx(styles.dropZone, className),
        'data-testid': 'drop-zone',
        onDragEnter: ignoreInternal,
        onDragOver: ignoreInternal,
        onDragLeave: ignoreInternal,
        onDrop: ignoreInternal,
      })}
    >
      {children}
      {isDragActive ? (
        <div className={styles.overlay}>
          <p className={styles.message}>
            Drop files to upload to <VisibleKey text={target} />
          </p>
        </div>
      ) : null}
    </div>
  );
}
