import { useRef } from 'react';
import { Button } from '@/components/ui/button';
import { useUpload } from '../hooks/use-upload';

/**
 * An empty folder's hint: drop files here, or "Choose files to upload" (the file picker,
 * uploading what is picked into `prefix`). Loaded with the first empty folder.
 */
export function UploadFilesButton({ bucket, prefix }: { bucket: string; prefix: string }) {
  const { startUpload } = useUpload();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <p>Drop files or folders here, or choose them to upload.</p>
      <Button variant="primary" onClick={() => input.current?.click()}>
        Choose files to upload
      </Button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          // Reset, so picking the same files again fires another change.
          event.target.value = '';
          void startUpload(bucket, prefix, files);
        }}
      />
    </>
  );
}
