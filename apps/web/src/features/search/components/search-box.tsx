import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import type { SearchBoxState } from '../hooks/use-search-box';
import { loadInstantFilter } from '../hooks/use-instant-filter';
import { draftParams, type DraftProblems } from '../utils/draft-params';
import type { SearchParams } from '../search-params';
import styles from './search-box.module.css';

type SearchBoxProps = {
  box: SearchBoxState;
  /** A search runs (results shown instead of the listing). */
  searching: boolean;
  /** Enter / "Search all of this folder": the URL takes these (none: no search). */
  onSearch: (params: SearchParams) => void;
  onClear: () => void;
};

/** Is the user typing somewhere ("/" is then theirs)? */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/**
 * Above the listing: typing filters the loaded rows at once; Enter searches all of this folder
 * (recursively, on the server) with the optional filters. `/` focuses it.
 */
export function SearchBox({ box, searching, onSearch, onClear }: SearchBoxProps) {
  const { draft, change, instant } = box;
  const inputRef = useRef<HTMLInputElement>(null);
  const [filtersOpen, setFiltersOpen] = useState(
    () => draft.minSize + draft.maxSize + draft.modifiedAfter + draft.modifiedBefore !== '',
  );
  const [problems, setProblems] = useState<DraftProblems>({});
  const id = useId();

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (typingIn(event.target) || event.defaultPrevented) return;
      event.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
    };
  }, []);

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const made = draftParams(draft);
    if ('problems' in made) {
      setProblems(made.problems);
      setFiltersOpen(true);
      return;
    }
    setProblems({});
    if (Object.keys(made.params).length === 0) onClear();
    else onSearch(made.params);
  }

  const sizeField = (name: 'minSize' | 'maxSize', label: string) => (
    <label className={styles.field}>
      <span>{label}</span>
      <Input
        className={styles.size}
        value={draft[name]}
        placeholder="e.g. 10 MB"
        aria-invalid={problems[name] ? true : undefined}
        aria-describedby={problems[name] ? `${id}-${name}` : undefined}
        onChange={(event) => {
          change({ [name]: event.target.value });
        }}
      />
      {problems[name] ? (
        <span id={`${id}-${name}`} className="text-error">
          {problems[name]}
        </span>
      ) : null}
    </label>
  );

  return (
    <form className={styles.form} onSubmit={handleSubmit} role="search" aria-label="Search">
      <div className={styles.line}>
        <label htmlFor={`${id}-q`} className="sr-only">
          Search this folder
        </label>
        <Input
          ref={inputRef}
          id={`${id}-q`}
          className={styles.input}
          type="search"
          value={draft.q}
          placeholder={
            draft.glob ? 'Glob: *.csv, 2024-*/report?.pdf  ( / )' : 'Search this folder  ( / )'
          }
          spellCheck={false}
          autoComplete="off"
          autoCapitalize="off"
          onFocus={() => void loadInstantFilter()}
          onChange={(event) => {
            change({ q: event.target.value });
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && (searching || draft.q !== '')) {
              event.preventDefault();
              change({ q: '' });
              if (searching) onClear();
            }
          }}
        />
        <label className={styles.toggle}>
          <input
            type="checkbox"
            checked={draft.glob}
            onChange={(event) => {
              change({ glob: event.target.checked });
            }}
          />
          Glob
        </label>
        <label className={styles.toggle}>
          <input
            type="checkbox"
            checked={draft.matchCase}
            onChange={(event) => {
              change({ matchCase: event.target.checked });
            }}
          />
          Match case
        </label>
        <Button
          type="button"
          variant="ghost"
          aria-expanded={filtersOpen}
          onClick={() => {
            setFiltersOpen((open) => !open);
          }}
        >
          Filters
        </Button>
        <Button type="submit">Search all of this folder</Button>
        {searching ? (
          <Button type="button" variant="ghost" onClick={onClear}>
            Clear search
          </Button>
        ) : null}
      </div>
      {filtersOpen ? (
        <fieldset className={styles.filters}>
          <legend className="sr-only">Filters</legend>
          {sizeField('minSize', 'Min size')}
          {sizeField('maxSize', 'Max size')}
          <label className={styles.field}>
            <span>Modified on or after</span>
            <Input
              type="date"
              value={draft.modifiedAfter}
              onChange={(event) => {
                change({ modifiedAfter: event.target.value });
              }}
            />
          </label>
          <label className={styles.field}>
            <span>Modified before</span>
            <Input
              type="date"
              value={draft.modifiedBefore}
              onChange={(event) => {
                change({ modifiedBefore: event.target.value });
              }}
            />
          </label>
        </fieldset>
      ) : null}
      {instant.problem && !searching ? (
        <p className={styles.problem} role="alert">
          {instant.problem}
        </p>
      ) : null}
    </form>
  );
}
