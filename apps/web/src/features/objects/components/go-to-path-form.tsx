import { useId, useState, type SubmitEvent } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { parseGoToPath } from '../utils/parse-go-to-path';
import styles from './go-to-path-form.module.css';

type GoToPathFormProps = {
  bucket: string;
  /** Shown when the form mounts; re-mount the form (React `key`) to reset it after navigating. */
  initialPath: string;
};

/** "folder/" opens a folder of this bucket; "folder/name" opens its folder and selects the object. */
export function GoToPathForm({ bucket, initialPath }: GoToPathFormProps) {
  const navigate = useNavigate();
  const [path, setPath] = useState(initialPath);
  const inputId = useId();

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    void navigate({ to: '/b/$bucket', params: { bucket }, search: parseGoToPath(path) });
  }

  return (
    <form className={styles.form} onSubmit={handleSubmit} role="search">
      <label htmlFor={inputId} className="sr-only">
        Go to path
      </label>
      <Input
        id={inputId}
        className={styles.input}
        type="text"
        value={path}
        onChange={(event) => {
          setPath(event.target.value);
        }}
        placeholder="Go to path: folder/ or folder/key"
        spellCheck={false}
        autoComplete="off"
        autoCapitalize="off"
      />
      <Button type="submit">Go</Button>
    </form>
  );
}
