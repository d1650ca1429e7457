import { useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { z } from 'zod';
import { Button } from '@/components/ui/button';
import { ButtonRow } from '@/components/ui/button-row';
import { TextArea } from '@/components/ui/input';
import formStyles from '@/components/form/form.module.css';
import { checkJson, type JsonCheck } from '../utils/json-errors';
import styles from './settings.module.css';

type JsonEditorProps<T> = {
  label: string;
  /** The text it starts from: the stored document as JSON ('' when there is none). */
  initialText: string;
  schema: z.ZodType<T>;
  readOnly: boolean;
  pending: boolean;
  saveLabel?: string;
  onSave: (document: T) => void;
  /** More to say about a valid document (the policy's "public" warning), and whether it may be saved. */
  review?: (document: T) => { note: ReactNode; blocked: boolean };
  /** Outside changes of the text (a preset inserted): the new text and a counter that changes. */
  replace?: { text: string; version: number } | undefined;
  /** Told every text change (a preset builds on the text as it is). */
  onTextChange?: (text: string) => void;
  children?: ReactNode;
};

/**
 * A plain textarea for a whole S3 document, checked as you type: a syntax error with its line
 * and column (and a button that puts the caret there), or the schema's problems, one line
 * each with the field's path. Save stays off until the text is a valid document.
 */
export function JsonEditor<T>(props: JsonEditorProps<T>) {
  const { schema, replace } = props;
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(props.initialText);
  const [seenVersion, setSeenVersion] = useState(replace?.version);
  if (replace && replace.version !== seenVersion) {
    setSeenVersion(replace.version);
    setText(replace.text);
  }
  const check: JsonCheck<T> | null = useMemo(
    () => (text.trim() === '' ? null : checkJson(text, schema)),
    [text, schema],
  );
  const review = check?.ok && props.review ? props.review(check.value) : null;
  const problemsId = `${id}-problems`;

  const goTo = (offset: number) => {
    const el = area.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(offset, Math.min(offset + 1, el.value.length));
  };

  return (
    <div className={formStyles.form}>
      <div className={formStyles.field}>
        <label htmlFor={id} className={formStyles.label}>
          {props.label}
        </label>
        <TextArea
          ref={area}
          id={id}
          className={styles.json}
          value={text}
          readOnly={props.readOnly}
          spellCheck={false}
          autoComplete="off"
          rows={Math.min(24, Math.max(8, text.split('\n').length + 1))}
          aria-invalid={check !== null && !check.ok ? true : undefined}
          aria-describedby={check !== null && !check.ok ? problemsId : undefined}
          onChange={(event) => {
            setText(event.target.value);
            props.onTextChange?.(event.target.value);
          }}
        />
        {check?.ok === false ? (
          <div id={problemsId} className={styles.problems}>
            {check.syntax ? (
              <p className={formStyles.error}>
                Line {check.syntax.line}, column {check.syntax.column}: {check.syntax.message}{' '}
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => {
                    goTo(check.syntax.offset);
                  }}
                >
                  Go to line {check.syntax.line}
                </Button>
              </p>
            ) : (
              <ul className={styles.problemList} aria-label="Problems">
                {check.problems.map((problem) => (
                  <li key={problem} className={formStyles.error}>
                    {problem}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ) : null}
      </div>
      {review?.note}
      {props.children}
      {props.readOnly ? null : (
        <ButtonRow>
          <Button
            variant="primary"
            disabled={props.pending || !check?.ok || review?.blocked === true}
            onClick={() => {
              if (check?.ok) props.onSave(check.value);
            }}
          >
            {props.pending ? 'Saving…' : (props.saveLabel ?? 'Save JSON')}
          </Button>
        </ButtonRow>
      )}
    </div>
  );
}
