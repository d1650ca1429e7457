import { useState, type FormEvent } from 'react';
import { errorMessage } from '@/lib/api-client';
import { visibleKey } from '@/utils/visible-key';
import type { PageWindow } from './page-window';
import styles from './windowed.module.css';

/**
 * "Go to name": lists the folder from just before the first key starting with what is typed
 * and shows it at the top; says so when no key starts with it.
 */
export function GoToName({ model }: { model: PageWindow }) {
  const [name, setName] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name === '') return;
    setMessage(null);
    model.goToName(name).then(
      (found) => {
        setMessage(found ? null : `No key starts with “${visibleKey(name)}”.`);
      },
      (error: unknown) => {
        setMessage(`Could not list from “${visibleKey(name)}”: ${errorMessage(error)}`);
      },
    );
  };
  return (
    <form className={styles.goTo} onSubmit={submit} role="search" aria-label="Go to name">
      <input
        type="text"
        aria-label="Go to name"
        placeholder="Go to name…"
        className={styles.goToInput}
        value={name}
        onChange={(event) => {
          setName(event.target.value);
        }}
      />
      <span aria-live="polite" className={styles.message}>
        {message}
      </span>
    </form>
  );
}
