import type { ReactNode } from 'react';
import { useDropzone } from 'react-dropzone';
import { VisibleKey } from '@/components/ui/visible-key';
import { useUpload } from '../hooks/use-upload';

type UploadDropZoneProps = {
  bucket: string;
  prefix: string;
  className?: string;
  children: ReactNode;
};

/** Files and whole folders dropped anywhere on the children upload to `prefix`. */
export function UploadDropZone({ bucket, prefix, className, children }: UploadDropZoneProps) {
  const { startUpload } = useUpload();
  const { getRootProps, isDragActive } = useDropzone({
    noClick: true,
    noKeyboard: true,
    noPaste: true,
    onDrop: (files) => void startUpload(bucket, prefix, files),
  });
  const target = prefix === '' ? `the root of ${bucket}` : prefix;

  return (
    <div {...getRootProps({ className: `drop-zone${className ? ` ${className}` : ''}` })}>
      {children}
      {isDragActive ? (
        <div className="drop-zone__overlay">
          <p className="drop-zone__message">
            Drop files to upload to <VisibleKey text={target} />
          </p>
        </div>
      ) : null}
    </div>
  );
}
