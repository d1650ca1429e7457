import { useState, type ReactNode } from 'react';
import type { z } from 'zod';
import { SETTING_SCHEMAS, type SettingName } from '@stowage/shared';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { useWriteSetting, type SettingDocuments } from '../api/settings';
import { schemaProblems, toJsonText } from '../utils/json-errors';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { JsonEditor } from './json-editor';
import { WriteFeedback } from './setting-section';
import { Tabs } from '@/components/ui/tabs';

type Doc<N extends SettingName> = SettingDocuments[N];

/** What a section's own controls get from the editor around them. */
export type SettingEditorApi<N extends SettingName> = {
  write: ReturnType<typeof useWriteSetting<N>>;
  /** PUT the document (null: DELETE the setting); `after` runs once the store took it. */
  save: (document: Doc<N> | null, after?: () => void) => void;
  /** "Delete …", which asks first; null when read-only or nothing is stored. */
  deleteButton: ReactNode;
};

type SettingEditorProps<N extends SettingName> = {
  bucket: string;
  name: N;
  readOnly: boolean;
  /** What the store holds (null: not set). */
  doc: Doc<N> | null;
  /** "CORS rules": in "Could not save the CORS rules." */
  what: string;
  /**
   * Check what the form built against the setting's schema before sending it; a refusal is
   * shown in a banner with this title and nothing is sent.
   */
  refusedTitle?: string;
  /** A JSON tab beside the form: the tab list's name, the form tab's and the editor's labels. */
  json?: { view: string; formTab: string; label: string };
  /** The delete button and the question it asks first. */
  remove: { label: string; title: string; question: ReactNode };
  /** The section's own part: its form, or the form tab. */
  children: (editor: SettingEditorApi<N>) => ReactNode;
};

/**
 * What the editable sections share: the write (with what it did, the form's refusals), the
 * form / JSON tabs with the JSON editor, and Delete with its confirmation. The section keeps
 * its form, its document ⇄ form mapping and its texts.
 */
export function SettingEditor<N extends SettingName>(props: SettingEditorProps<N>) {
  const { readOnly, doc, json, remove } = props;
  const write = useWriteSetting(props.bucket, props.name);
  const [tab, setTab] = useState<'form' | 'json'>('form');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const schema = SETTING_SCHEMAS[props.name] as unknown as z.ZodType<Doc<N>>;

  const save = (document: Doc<N> | null, after?: () => void) => {
    if (document !== null && props.refusedTitle !== undefined) {
      const checked = schema.safeParse(document);
      if (!checked.success) {
        setProblems(schemaProblems(checked.error));
        return;
      }
      setProblems([]);
      write.mutate(checked.data, { onSuccess: after });
      return;
    }
    write.mutate(document, { onSuccess: after });
  };

  const deleteButton =
    readOnly || doc === null ? null : (
      <Button
        variant="danger"
        onClick={() => {
          setConfirmDelete(true);
        }}
      >
        {remove.label}
      </Button>
    );
  const form = props.children({ write, save, deleteButton });

  return (
    <>
      <WriteFeedback write={write} what={props.what} />
      {problems.length > 0 ? (
        <Banner title={props.refusedTitle}>{problems.join(' ')}</Banner>
      ) : null}
      {json ? (
        <Tabs
          label={json.view}
          tabs={[
            { id: 'form', label: json.formTab },
            { id: 'json', label: 'JSON' },
          ]}
          selected={tab}
          onSelect={setTab}
        >
          {tab === 'json' ? (
            <JsonEditor
              key={toJsonText(doc)}
              label={json.label}
              initialText={doc === null ? '' : toJsonText(doc)}
              schema={schema}
              readOnly={readOnly}
              pending={write.isPending}
              onSave={(document) => {
                write.mutate(document);
              }}
            />
          ) : (
            form
          )}
        </Tabs>
      ) : (
        form
      )}
      {confirmDelete ? (
        <ConfirmDialog
          title={remove.title}
          confirmLabel={remove.label}
          variant="danger"
          onConfirm={() => {
            write.mutate(null);
            setConfirmDelete(false);
          }}
          onClose={() => {
            setConfirmDelete(false);
          }}
        >
          {remove.question}
        </ConfirmDialog>
      ) : null}
    </>
  );
}
