import { Button } from '@/components/ui/button';
import { useUpload } from '../hooks/use-upload';
import styles from './upload-options-summary.module.css';

/** "Content-Type text/csv · 2 metadata fields" while upload options are set, with Clear. */
export function UploadOptionsSummary() {
  const { options, setOptions } = useUpload();
  const fields = Object.keys(options.metadata ?? {}).length;
  const parts: string[] = [];
  if (options.contentType) parts.push(`Content-Type ${options.contentType}`);
  if (fields > 0) parts.push(`${String(fields)} metadata ${fields === 1 ? 'field' : 'fields'}`);
  if (parts.length === 0) return null;
  return (
    <span className={styles.summary}>
      <span>Uploads use: {parts.join(' · ')}</span>
      <Button
        size="sm"
        variant="ghost"
        aria-label="Clear upload options"
        onClick={() => {
          setOptions({});
        }}
      >
        Clear
      </Button>
    </span>
  );
}
