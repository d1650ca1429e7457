import { useState } from 'react';
import { CorsDocumentSchema, type CorsDocument, type CorsRule } from '@stowage/shared';
import { Button } from '@/components/ui/button';
import { ButtonRow } from '@/components/ui/button-row';
import { useWriteSetting } from '../api/settings';
import { corsRuleToForm, EMPTY_CORS_FORM, formToCorsRule } from '../utils/cors-form';
import { toJsonText } from '../utils/json-errors';
import { ConfirmDialog } from './confirm-dialog';
import { CorsRuleForm } from './cors-rule-form';
import { JsonEditor } from './json-editor';
import { NotSet, SettingSection, WriteFeedback } from './setting-section';
import { Tabs } from './tabs';
import styles from './settings.module.css';

type SectionProps = { bucket: string; readOnly: boolean; unsupported: boolean };

const TABS = [
  { id: 'rules', label: 'Rules' },
  { id: 'json', label: 'JSON' },
] as const;

/** CORS: which web origins may call the bucket from a browser. */
export function CorsSection({ bucket, readOnly, unsupported }: SectionProps) {
  return (
    <SettingSection
      title="CORS"
      what="CORS configuration"
      description="Which web pages (origins) may read or write this bucket from a browser, with which methods and headers."
      bucket={bucket}
      name="cors"
      readOnly={readOnly}
      unsupported={unsupported}
    >
      {(doc) => <CorsBody bucket={bucket} readOnly={readOnly} doc={doc} />}
    </SettingSection>
  );
}

const list = (values: readonly string[] | undefined) =>
  values && values.length > 0 ? values.join(', ') : '—';

function CorsBody(props: { bucket: string; readOnly: boolean; doc: CorsDocument | null }) {
  const { readOnly, doc } = props;
  const write = useWriteSetting(props.bucket, 'cors');
  const [tab, setTab] = useState<'rules' | 'json'>('rules');
  const [editing, setEditing] = useState<{ index: number | null } | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const rules = doc?.CORSRules ?? [];
  const save = (next: CorsRule[], after?: () => void) => {
    write.mutate(next.length === 0 ? null : { CORSRules: next }, { onSuccess: after });
  };
  const edited = editing?.index == null ? undefined : rules[editing.index];

  return (
    <>
      <WriteFeedback write={write} what="CORS rules" />
      <Tabs label="CORS view" tabs={TABS} selected={tab} onSelect={setTab}>
        {tab === 'json' ? (
          <JsonEditor
            key={toJsonText(doc)}
            label="CORS configuration (JSON)"
            initialText={doc === null ? '' : toJsonText(doc)}
            schema={CorsDocumentSchema}
            readOnly={readOnly}
            pending={write.isPending}
            onSave={(document) => {
              write.mutate(document);
            }}
          />
        ) : (
          <>
            {rules.length === 0 ? <NotSet>Not set: no CORS rules.</NotSet> : null}
            {rules.length > 0 ? (
              <table className={styles.table} aria-label="CORS rules">
                <thead>
                  <tr>
                    <th scope="col">Origins</th>
                    <th scope="col">Methods</th>
                    <th scope="col">Allowed headers</th>
                    <th scope="col">Expose headers</th>
                    <th scope="col">Max age</th>
                    {readOnly ? null : (
                      <th scope="col">
                        <span className="sr-only">Edit</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {rules.map((rule, index) => {
                    const name = rule.ID ?? `CORS rule ${String(index + 1)}`;
                    return (
                      <tr key={`${String(index)}-${rule.ID ?? ''}`}>
                        <th scope="row" className={styles.mono}>
                          {list(rule.AllowedOrigins)}
                        </th>
                        <td>{list(rule.AllowedMethods)}</td>
                        <td className={styles.mono}>{list(rule.AllowedHeaders)}</td>
                        <td className={styles.mono}>{list(rule.ExposeHeaders)}</td>
                        <td>
                          {rule.MaxAgeSeconds === undefined
                            ? '—'
                            : `${String(rule.MaxAgeSeconds)} s`}
                        </td>
                        {readOnly ? null : (
                          <td className={styles.rowButtons}>
                            <Button
                              size="sm"
                              aria-label={`Edit ${name}`}
                              onClick={() => {
                                setEditing({ index });
                              }}
                            >
                              Edit
                            </Button>
                            <Button
                              size="sm"
                              variant="ghost"
                              aria-label={`Remove ${name}`}
                              disabled={write.isPending}
                              onClick={() => {
                                save(rules.filter((_, i) => i !== index));
                              }}
                            >
                              Remove
                            </Button>
                          </td>
                        )}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            ) : null}
            {!readOnly && editing !== null ? (
              <CorsRuleForm
                title={edited ? 'Edit CORS rule' : 'New CORS rule'}
                initial={edited ? corsRuleToForm(edited) : EMPTY_CORS_FORM}
                pending={write.isPending}
                onCancel={() => {
                  setEditing(null);
                }}
                onSubmit={(values) => {
                  const rule = formToCorsRule(values);
                  const next = edited
                    ? rules.map((r) => (r === edited ? rule : r))
                    : [...rules, rule];
                  save(next, () => {
                    setEditing(null);
                  });
                }}
              />
            ) : null}
            {!readOnly && editing === null ? (
              <ButtonRow>
                {doc ? (
                  <Button
                    variant="danger"
                    onClick={() => {
                      setConfirmDelete(true);
                    }}
                  >
                    Delete CORS configuration
                  </Button>
                ) : null}
                <Button
                  variant="primary"
                  onClick={() => {
                    write.reset();
                    setEditing({ index: null });
                  }}
                >
                  Add CORS rule
                </Button>
              </ButtonRow>
            ) : null}
          </>
        )}
      </Tabs>
      {confirmDelete ? (
        <ConfirmDialog
          title="Delete the CORS configuration?"
          confirmLabel="Delete CORS configuration"
          danger
          onConfirm={() => {
            write.mutate(null);
          }}
          onClose={() => {
            setConfirmDelete(false);
          }}
        >
          <p>Browsers on other origins can then no longer call this bucket.</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
