import { useId, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { TEXT_EDIT_MAX_BYTES, type ObjectDetails } from '@stowage/shared';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { ButtonRow } from '@/components/ui/button-row';
import { TextArea } from '@/components/ui/input';
import { Spinner } from '@/components/ui/spinner';
import formStyles from '@/components/form/form.module.css';
import { errorMessage, hasCode } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import { formatBytes } from '@/utils/format';
import { objectDetailsQueryKey } from '../api/get-object-details';
import { loadObjectText, useSaveObjectText, type LoadedText } from '../api/edit-object-text';
import { previewKind } from '../utils/preview-kind';
import styles from './text-editor.module.css';

/**
 * "Edit text", for what the preview shows as text (text/*, JSON, CSV, YAML…) stored
 * uncompressed. Lazily loaded with the editor (the preview's type rules stay off the first screen).
 */
export function EditTextButton({
  details,
  onEdit,
}: {
  details: ObjectDetails;
  onEdit: () => void;
}) {
  const kind = previewKind(details.contentType, details.key);
  const encoded = details.contentEncoding !== null && details.contentEncoding !== 'identity';
  if ((kind !== 'text' && kind !== 'json') || encoded || details.key.endsWith('/')) return null;
  return (
    <Button size="sm" onClick={onEdit}>
      Edit text
    </Button>
  );
}

type TextEditorProps = { bucket: string; details: ObjectDetails; onDone: () => void };

/**
 * Edits a text object in place (loaded lazily): a plain monospace textarea. The save sends the
 * ETag the text was read with, so a change made meanwhile is never overwritten (409 → Reload).
 */
export function TextEditor({ bucket, details, onDone }: TextEditorProps) {
  const queryClient = useQueryClient();
  const [loads, setLoads] = useState(0);
  const loaded = useQuery({
    queryKey: [...queryKeys.object(bucket, details.key), 'edit-text', loads] as const,
    queryFn: ({ signal }) => loadObjectText(bucket, details, signal),
    enabled: details.size <= TEXT_EDIT_MAX_BYTES,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });

  if (details.size > TEXT_EDIT_MAX_BYTES) {
    return (
      <div className={formStyles.form}>
        <h3 className={formStyles.title}>Edit text</h3>
        <Banner tone="warning" title="Too large to edit here.">
          This object is {formatBytes(details.size)}; text up to {formatBytes(TEXT_EDIT_MAX_BYTES)}{' '}
          can be edited in the browser. Download it instead.
        </Banner>
        <ButtonRow>
          <Button onClick={onDone}>Close</Button>
        </ButtonRow>
      </div>
    );
  }
  if (loaded.isPending) return <Spinner label="Loading the text…" />;
  if (loaded.error) {
    return (
      <div className={formStyles.form}>
        <h3 className={formStyles.title}>Edit text</h3>
        <Banner title="Could not load the text.">{errorMessage(loaded.error)}</Banner>
        <ButtonRow>
          <Button onClick={onDone}>Close</Button>
        </ButtonRow>
      </div>
    );
  }
  return (
    <TextEditorForm
      key={loads}
      bucket={bucket}
      details={details}
      loaded={loaded.data}
      onDone={onDone}
      onReload={() => {
        setLoads((n) => n + 1);
        // The panel's fields (size, date) follow the object as it is now too.
        void queryClient.invalidateQueries({
          queryKey: objectDetailsQueryKey(bucket, details.key),
        });
      }}
    />
  );
}

type TextEditorFormProps = TextEditorProps & { loaded: LoadedText; onReload: () => void };

function jsonProblem(text: string): string | null {
  try {
    JSON.parse(text);
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : 'It does not parse';
  }
}

function TextEditorForm({ bucket, details, loaded, onDone, onReload }: TextEditorFormProps) {
  const [text, setText] = useState(loaded.text);
  /** The text the user was warned is not valid JSON: saving it again saves it as it is. */
  const [warnedText, setWarnedText] = useState<string | null>(null);
  const [jsonError, setJsonError] = useState<string | null>(null);
  const save = useSaveObjectText(bucket, details.key);
  const id = useId();
  const json = previewKind(details.contentType, details.key) === 'json';
  const conflict = hasCode(save.error, 'ObjectChanged');
  const bytes = new TextEncoder().encode(text).length;
  const tooLarge = bytes > TEXT_EDIT_MAX_BYTES;

  const onSubmit = () => {
    if (tooLarge || save.isPending) return;
    if (json && warnedText !== text) {
      const problem = jsonProblem(text);
      setJsonError(problem);
      if (problem) {
        setWarnedText(text);
        return;
      }
    }
    // An object with no ETag cannot be saved safely: the API refuses without If-Match.
    save.mutate({ text, etag: loaded.etag ?? '' }, { onSuccess: onDone });
  };
  const warned = json && jsonError !== null && warnedText === text;

  return (
    <form
      noValidate
      className={formStyles.form}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <h3 className={formStyles.title}>Edit text</h3>
      {conflict ? (
        <Banner
          tone="warning"
          title="This object changed since you opened it."
          action={
            <Button size="sm" onClick={onReload}>
              Reload
            </Button>
          }
        >
          Nothing was saved. Reload to edit its current text; the changes made here will be lost.
        </Banner>
      ) : null}
      {save.error && !conflict ? (
        <Banner title="Could not save the text.">{errorMessage(save.error)}</Banner>
      ) : null}
      <div className={formStyles.field}>
        <label htmlFor={id} className={formStyles.label}>
          Text
        </label>
        <TextArea
          id={id}
          className={styles.editor}
          rows={18}
          spellCheck={false}
          autoFocus
          value={text}
          aria-invalid={tooLarge || warned ? true : undefined}
          aria-describedby={`${id}-note`}
          onChange={(event) => {
            setText(event.target.value);
          }}
        />
        <p id={`${id}-note`} className={formStyles.hint}>
          {formatBytes(bytes)} of at most {formatBytes(TEXT_EDIT_MAX_BYTES)}. The content type,
          metadata and tags are kept.
        </p>
      </div>
      {tooLarge ? (
        <Banner title="Too large to save here.">
          The text is over {formatBytes(TEXT_EDIT_MAX_BYTES)}: shorten it, or download the object,
          edit it and upload it.
        </Banner>
      ) : null}
      {warned ? (
        <Banner tone="warning" title="This is not valid JSON.">
          {jsonError} Fix it, or choose “Save anyway” to save it as text.
        </Banner>
      ) : null}
      <ButtonRow>
        <Button onClick={onDone} disabled={save.isPending}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" disabled={save.isPending || tooLarge || conflict}>
          {save.isPending ? 'Saving…' : warned ? 'Save anyway' : 'Save'}
        </Button>
      </ButtonRow>
    </form>
  );
}
